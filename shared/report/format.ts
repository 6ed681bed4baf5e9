import type { Block } from './model.js';
/**
 * What every report part prints the same way: dates in the facilitator's time zone, counts with their nouns, and the
 * one error a report builder throws. Pure: Intl only.
 */

/**
 * A report asked for something the session does not hold (an item or group id that does not exist). The builders
 * throw it rather than return an empty document; the HTTP layer answers 404 with `message`, which is ours to show.
 */
export class ReportError extends Error {
  readonly code = 'not_found' as const;
  constructor(message: string) {
    super(message);
    this.name = 'ReportError';
  }
}

/** Whether `tz` is an IANA time zone this runtime knows ("America/Chicago", "UTC"). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The zone to print in: the one asked for when it exists, otherwise UTC (printing never fails on a bad zone). */
const zone = (tz: string | undefined): string => (tz && isTimeZone(tz) ? tz : 'UTC');

/** "25 November 2026". */
export function formatDate(at: number, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: zone(timeZone) }).format(at);
}

/** "25 November 2026, 14:05". */
export function formatDateTime(at: number, timeZone?: string): string {
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone(timeZone) }).format(at);
  return `${formatDate(at, timeZone)}, ${time}`;
}

/** "2026-11-25" in the given zone, for file names. */
export function isoDate(at: number, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: zone(timeZone) }).formatToParts(at);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** "1 note", "3 notes". */
export const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Whole minutes of a duration for the agenda table: "28", "under 1", or "not timed" when the timer never ran. */
export function minutesText(ms: number): string {
  if (ms <= 0) return 'not timed';
  const minutes = Math.round(ms / 60_000);
  return minutes === 0 ? 'under 1' : String(minutes);
}

/** "12 dots", "1 dot", "0 votes": a count with what it counts. */
export function countLabel(count: number, unit: string): string {
  const one = count === 1 && /[^s]s$/.test(unit);
  return `${count} ${one ? unit.slice(0, -1) : unit}`.trim();
}

/** A table's header, with an unnamed column for each cell a row has beyond it (no cell is dropped). */
export function tableColumns(columns: string[], rows: string[][]): string[] {
  const extra = Math.max(0, ...rows.map((r) => r.length - columns.length));
  return [...columns, ...Array<string>(extra).fill('')];
}

const MARK_WORDS = { green: 'Green', yellow: 'Yellow', red: 'Red', none: 'No dot' } as const;
const figure = (n: number | null): string => (n === null ? '—' : n.toFixed(1));

/** A chart block's figures as a table: what a format without vector drawing prints for it. */
export function asTable(b: Extract<Block, { kind: 'pairedBars' | 'ecomap' }>): { columns: string[]; rows: string[][] } {
  if (b.kind === 'pairedBars')
    return { columns: ['', ...b.series, ''], rows: b.rows.map((r) => [r.label, figure(r.a), figure(r.b), r.note ?? '']) };
  return {
    columns: ['Partner', 'Side', 'Green', 'Yellow', 'Red', 'No dot', 'Consensus'],
    rows: b.partners.map((p) => [
      p.name,
      p.side === 'internal' ? 'Internal' : 'External',
      String(p.counts.green),
      String(p.counts.yellow),
      String(p.counts.red),
      String(p.counts.none),
      `${p.consensus ? MARK_WORDS[p.consensus] : 'None'}${p.split ? ' (split)' : ''}`,
    ]),
  };
}
