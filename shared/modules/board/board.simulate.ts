import type { CommandBody } from '../../protocol/commands.js';
import { dictGet } from '../../session/dict.js';
import type { RehearsalHooks } from '../../session/module.js';
import type { AgendaItem, SessionState } from '../../session/state.js';
import { phrase } from '../../rehearsal/phrases.js';
import type { Rng } from '../../rehearsal/rng.js';
import { itemNotes, NOTES_EACH } from '../../rehearsal/room.js';

const hasBoard = (item: AgendaItem): boolean => item.moduleType === 'discussion' || item.moduleType === 'board';
const locked = (s: SessionState, item: AgendaItem): boolean => dictGet(s.lockedItems, item.id) === true;

/** A simulated participant posts a couple of notes on an open board, each made from the prompt and its column. */
export function simulateBoard(s: SessionState, item: AgendaItem, participantId: string, rng: Rng): CommandBody | null {
  if (!hasBoard(item) || locked(s, item) || itemNotes(s, item.id, participantId).length >= NOTES_EACH) return null;
  const column = rng.pick(item.columns);
  return { type: 'note.add', payload: { itemId: item.id, column, text: phrase(rng, item.prompt, column) } };
}

/** The facilitator locks the board once the room has posted: a presentation has nothing to drive. */
export function driveBoard(s: SessionState, item: AgendaItem): CommandBody | null {
  if (!hasBoard(item) || locked(s, item)) return null;
  return { type: 'board.lock', payload: { itemId: item.id, locked: true } };
}

export const boardRehearsal: RehearsalHooks = { simulate: simulateBoard, drive: driveBoard };
