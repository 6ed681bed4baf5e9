/** Limits every screen and the server agree on. */
export const LIMITS = {
  noteText: 500,
  displayName: 40,
  title: 120,
  columnName: 60,
  columns: 8,
  starterEntry: 120,
  starterEntries: 40,
  agendaItems: 60,
  itemText: 2000,
  plannedMinutes: 600,
  commandIdMin: 8,
  commandIdMax: 64,
} as const;

/** Join codes avoid characters that are easy to confuse when read off a projector: 0/O, 1/I/L. */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 6;

/** Bumped whenever the wire format changes incompatibly; a client built for another version is told to reload. */
export const PROTOCOL_VERSION = 1;
