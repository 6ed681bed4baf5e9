import { dictGet, toDict, type Dict } from '../../session/dict.js';
import type { SessionEvent } from '../../session/events.js';
import type { EventMeta } from '../../session/module.js';
import type { SessionState } from '../../session/state.js';
import { isAuthor, noteFor, onlyKey, viewerId, type Viewer } from '../../session/visibility.js';
import type { FlowEvent } from './flow.events.js';
import type { FlowState } from './flow.state.js';

/** A dot is its voter's: the facilitator's proxy dots (for people without a phone) are nobody's in particular. */
export const flowPersonalFor = (e: FlowEvent): string | null => {
  if (e.type === 'flow.noteHidden') return e.note.authorId;
  return (e.type === 'flow.dotted' || e.type === 'flow.dotsTrimmed') && !e.voter.startsWith('proxy:') ? e.voter : null;
};

/** A flow event as a viewer who is not the facilitator may see it: nobody sees another's dots. */
export function flowEventFor(e: FlowEvent & EventMeta, viewer: Viewer, hidden: SessionEvent): SessionEvent {
  switch (e.type) {
    case 'flow.advanced':
      // Stryker disable next-line ObjectLiteral,StringLiteral: every viewer but the author gets the same anonymous copy; a phone keeps its own authorship from what it holds
      return e.revealed ? { ...e, revealed: e.revealed.map((n) => noteFor(n, { role: 'board' }, false)) } : e;
    case 'flow.dotted':
    case 'flow.dotsTrimmed':
      return e.voter === viewerId(viewer) ? e : hidden;
    case 'flow.noteHidden':
      return isAuthor(e.note.authorId, viewer) ? e : { ...e, note: noteFor(e.note, { role: 'board' }, !e.revealed) };
    default:
      return e;
  }
}

/** A voter's own dot order and notice only (fields absent in older snapshots stay absent). */
const mineOnly = (f: FlowState, voter: string | null): Partial<FlowState> => ({
  order: ownEntry(f.order, voter),
  trimNotices: ownEntry(f.trimNotices, voter),
});
const ownEntry = <V>(rec: Dict<V> | undefined, voter: string | null): Dict<V> | undefined =>
  rec && voter !== null && dictGet(rec, voter) !== undefined ? onlyKey(rec, voter) : undefined;

/** Who placed which dots stays secret for good; the totals become public with the results. */
export const flowStateFor = (s: SessionState, viewer: Viewer): Pick<SessionState, 'flows'> => ({
  flows: toDict(Object.entries(s.flows).map(([id, f]) => [id, { ...f, dots: onlyKey(f.dots, viewerId(viewer)), ...mineOnly(f, viewerId(viewer)) }] as const)),
});
