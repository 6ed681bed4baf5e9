import { FACILITATOR_ONLY, type CommandBody, type CommandType } from '../protocol/commands.js';
import type { SessionState } from './state.js';
import { noteById } from './notes.js';
import { flowOf, isFlowItem } from '../modules/flow/flow.logic.js';

export type Actor =
  | { role: 'facilitator' }
  | { role: 'participant'; participantId: string; name: string }
  | { role: 'board' };

/** Whether this actor may send this kind of command at all. Used by the server to decide and by the UI to hide. */
export function canSend(actor: Actor, type: CommandType): boolean {
  if (actor.role === 'board') return false;
  if (actor.role === 'facilitator') return true;
  return !FACILITATOR_ONLY.has(type);
}

/** Whether the actor may change this particular note: the facilitator any, a participant their own. */
export function canChangeNote(actor: Actor, state: SessionState, noteId: string): boolean {
  const note = noteById(state, noteId);
  if (!note) return false;
  if (actor.role === 'facilitator') return true;
  return (
    // Stryker disable next-line ConditionalExpression: a board has no participantId, so the author test below refuses it as well
    actor.role === 'participant' &&
    note.authorId === actor.participantId
  );
}

/** Whether the actor may move this note to another column: their own, or anyone's while the room clusters. */
export function canMoveNote(actor: Actor, state: SessionState, noteId: string): boolean {
  const note = noteById(state, noteId);
  if (!note) return false;
  const clustering = isFlowItem(state.agenda.find((i) => i.id === note.itemId)) && flowOf(state, note.itemId).phase === 'cluster';
  return (clustering && actor.role === 'participant') || canChangeNote(actor, state, noteId);
}

/** The full rule for one command against the current state, without phase checks (see decide). */
export function can(actor: Actor, cmd: CommandBody, state: SessionState): boolean {
  if (!canSend(actor, cmd.type)) return false;
  switch (cmd.type) {
    case 'note.move':
      return !noteById(state, cmd.payload.noteId) || canMoveNote(actor, state, cmd.payload.noteId);
    case 'note.edit':
    case 'note.delete':
      return !noteById(state, cmd.payload.noteId) || canChangeNote(actor, state, cmd.payload.noteId);
    default:
      return true;
  }
}
