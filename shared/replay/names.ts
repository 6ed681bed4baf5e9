import type { SessionEvent } from '../session/events.js';

/** The events that give a participant's name rather than use it. */
const NAMING: ReadonlySet<string> = new Set(['participant.joined', 'people.renamed', 'people.removed']);

/** Adds to `found` every id of `ids` that appears as a text anywhere in `value`. */
function collectIds(value: unknown, ids: ReadonlySet<string>, found: Set<string>): void {
  if (typeof value === 'string') {
    if (ids.has(value)) found.add(value);
  } else if (Array.isArray(value)) {
    for (const v of value) collectIds(v, ids, found);
  } else if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) collectIds(v, ids, found);
  }
}

/**
 * A board's or a phone's log with the names it never used taken out. Live, these screens receive every
 * participant's name when they join, but draw a name only beside something the person did in the open (a named
 * note, a work group they lead or belong to, a question in a report-out). A participant whom no other event of this
 * log names (their notes anonymous or private, their dots secret) keeps their place in the room and loses their name,
 * so a replay of a session that showed no names carries none. Events already shaped for the view go in.
 */
export function hideUnshownNames(events: readonly SessionEvent[]): SessionEvent[] {
  const ids = new Set<string>();
  for (const e of events) if (e.type === 'participant.joined') ids.add(e.participantId);
  const shown = new Set<string>();
  for (const e of events) if (!NAMING.has(e.type)) collectIds(e, ids, shown);
  return events.map((e) =>
    (e.type === 'participant.joined' || e.type === 'people.renamed') && !shown.has(e.participantId) ? { ...e, name: '' } : e,
  );
}
