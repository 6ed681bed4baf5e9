import type { CommandBody, CommandType } from '../protocol/commands.js';
import type { SessionState } from './state.js';
import type { ModuleTable } from './modules.js';
import { noteById } from './notes.js';

/** The core's commands only the facilitator may send. Participants may add notes and change their own. */
export const CORE_FACILITATOR_ONLY = [
  'timer.start',
  'timer.pause',
  'timer.resume',
  'timer.extend',
  'timer.reset',
  'agenda.next',
  'agenda.previous',
  'agenda.goto',
  'agenda.addItem',
  'agenda.removeItem',
  'agenda.moveItem',
  'agenda.updateItem',
  'board.lock',
  'note.erase',
  'note.restore',
  'session.end',
  'session.delete',
] as const satisfies readonly CommandType[];

export type Actor =
  | { role: 'facilitator' }
  /**
   * `ballot`: the participant's opaque key for anonymous answers (the values survey's ratings), which the server
   * derives with a secret of its own (server/ballots.ts) and sets on every participant command. Never sent anywhere.
   */
  | { role: 'participant'; participantId: string; name: string; ballot?: string }
  | { role: 'board' };

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

/** The permission rules with these modules. Used by the server to decide and by the UI to hide buttons. */
export function permissions(m: ModuleTable) {
  /** Whether this actor may send this kind of command at all. */
  function canSend(actor: Actor, type: CommandType): boolean {
    if (actor.role === 'board') return false;
    if (actor.role === 'facilitator') return true;
    return !m.facilitatorOnly.has(type);
  }

  /** Whether the actor may move this note to another column: their own, or anyone's while its item's rules allow. */
  function canMoveNote(actor: Actor, state: SessionState, noteId: string): boolean {
    const note = noteById(state, noteId);
    if (!note) return false;
    const item = state.agenda.find((i) => i.id === note.itemId);
    const open = !!m.notePolicy(item)?.othersMayMove(state, note.itemId);
    return (open && actor.role === 'participant') || canChangeNote(actor, state, noteId);
  }

  /** The full rule for one command against the current state, without phase checks (see decide). */
  function can(actor: Actor, cmd: CommandBody, state: SessionState): boolean {
    if (!canSend(actor, cmd.type)) return false;
    switch (cmd.type) {
      case 'note.move':
        return !noteById(state, cmd.payload.noteId) || canMoveNote(actor, state, cmd.payload.noteId);
      case 'note.edit':
      case 'note.delete':
        return !noteById(state, cmd.payload.noteId) || canChangeNote(actor, state, cmd.payload.noteId);
      default:
        return m.owner(cmd.type)?.can?.(actor, cmd, state) ?? true;
    }
  }

  return { canSend, canMoveNote, can };
}
