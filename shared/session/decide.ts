import type { Command } from '../protocol/commands.js';
import { fail, type CommandError } from '../protocol/results.js';
import { LIMITS } from '../protocol/limits.js';
import { agendaItemFrom } from './agenda.js';
import type { EventBody } from './events.js';
import type { Note, SessionState } from './state.js';
import type { Actor } from './permissions.js';
import type { DecideContext } from './module.js';
import type { ModuleTable } from './modules.js';
import { allNotes, noteById } from './notes.js';
import { dictHas } from './dict.js';
import { undoable } from './undo.js';

export type Decision = { ok: true; events: EventBody[] } | { ok: false; error: CommandError };
export type Decide = (state: SessionState, actor: Actor, cmd: Command, now: number, newId: () => string) => Decision;

export const SESSION_ENDED = 'This session has ended: it is read-only now.';

const ok = (...events: EventBody[]): Decision => ({ ok: true, events });

/** The session's on-time rules with these modules, and the context a module's decision gets. */
export function sessionRules(m: ModuleTable, can: (actor: Actor, cmd: Command, s: SessionState) => boolean, context: (now: number, newId: () => string) => DecideContext) {
  const { kinds } = m;
  /** Events that take a note out of every module's data (its group...) before it moves, is deleted or erased. */
  const leaving = (s: SessionState, note: Note): EventBody[] => m.list.flatMap((mod) => mod.noteLeaving?.(s, note) ?? []);

  /**
   * The pure decision for one validated command: which events it produces, or why it is refused. The server runs
   * this inside its one command pipeline; `newId` makes ids for new things (deterministic in tests).
   */
  function decide(state: SessionState, actor: Actor, cmd: Command, now: number, newId: () => string): Decision {
    // Deleting (and what modules allow, such as sharing the results) stays possible: an ended session is still the facilitator's.
    if (state.endedAt !== undefined && !m.afterEnd.has(cmd.type)) return fail('conflict', SESSION_ENDED);
    if (!can(actor, cmd, state)) {
      return actor.role === 'participant' && cmd.type.startsWith('note.')
        ? fail('forbidden', 'You can only change your own notes.')
        : fail('forbidden', 'Only the facilitator can do that.');
    }
    const timer = state.timer;
    const index = state.agenda.findIndex((i) => i.id === state.currentItemId);
    switch (cmd.type) {
      case 'timer.start':
        if (!timer.itemId) return fail('conflict', 'There is no agenda item to time.');
        if (timer.status !== 'idle') return fail('conflict', 'The timer has already started. Reset it to start over.');
        return ok({ type: 'timer.started' });
      case 'timer.pause':
        if (timer.status !== 'running') return fail('conflict', 'The timer is not running.');
        return ok({ type: 'timer.paused' });
      case 'timer.resume':
        if (timer.status !== 'paused') return fail('conflict', 'The timer is not paused.');
        return ok({ type: 'timer.resumed' });
      case 'timer.extend':
        if (!timer.itemId) return fail('conflict', 'There is no agenda item to time.');
        return ok({ type: 'timer.extended', minutes: cmd.payload.minutes });
      case 'timer.reset':
        if (!timer.itemId) return fail('conflict', 'There is no agenda item to time.');
        return ok({ type: 'timer.reset' });
      case 'agenda.next': {
        const next = state.agenda[index + 1];
        return next ? ok({ type: 'agenda.moved', itemId: next.id }) : fail('conflict', 'This is the last agenda item.');
      }
      case 'agenda.previous': {
        const prev = state.agenda[index - 1];
        return prev ? ok({ type: 'agenda.moved', itemId: prev.id }) : fail('conflict', 'This is the first agenda item.');
      }
      case 'agenda.goto':
        if (!state.agenda.some((i) => i.id === cmd.payload.itemId)) return fail('not_found', 'No such agenda item.');
        return ok({ type: 'agenda.moved', itemId: cmd.payload.itemId });
      case 'agenda.addItem': {
        if (state.agenda.length >= LIMITS.agendaItems) return fail('conflict', 'The agenda is full.');
        const item = agendaItemFrom(newId(), cmd.payload.item);
        const at = Math.min(cmd.payload.index ?? state.agenda.length, state.agenda.length);
        return ok({ type: 'agenda.itemAdded', item, index: at });
      }
      case 'agenda.removeItem':
        if (!state.agenda.some((i) => i.id === cmd.payload.itemId)) return fail('not_found', 'No such agenda item.');
        if (state.timer.itemId === cmd.payload.itemId && state.timer.status === 'running')
          return fail('conflict', 'This item’s timer is running: pause the timer or move to another item before removing it.');
        return ok({ type: 'agenda.itemRemoved', itemId: cmd.payload.itemId });
      case 'agenda.moveItem':
        if (!state.agenda.some((i) => i.id === cmd.payload.itemId)) return fail('not_found', 'No such agenda item.');
        return ok({
          type: 'agenda.itemMoved',
          itemId: cmd.payload.itemId,
          toIndex: Math.min(cmd.payload.toIndex, state.agenda.length - 1),
        });
      case 'agenda.updateItem': {
        const item = state.agenda.find((i) => i.id === cmd.payload.itemId);
        if (!item) return fail('not_found', 'No such agenda item.');
        if (Object.keys(cmd.payload.patch).length === 0) return fail('invalid', 'Nothing to change.');
        const { moduleType } = cmd.payload.patch;
        const rekind = !!moduleType && moduleType !== item.moduleType;
        if (rekind && allNotes(state).some((n) => n.itemId === item.id))
          return fail('conflict', 'This item already has notes: its kind cannot change. Add a new item instead.');
        // Once run, an item may hold answers of its kind (a fist-to-five, ratings, marks) that another kind would not show.
        if (rekind && (state.currentItemId === item.id || dictHas(state.onItemMs, item.id)))
          return fail('conflict', 'This item has been run already: its kind cannot change, so nothing the room gave on it goes missing. Add a new item instead.');
        return ok({ type: 'agenda.itemUpdated', itemId: item.id, patch: cmd.payload.patch });
      }
      case 'note.add': {
        const item = state.agenda.find((i) => i.id === cmd.payload.itemId);
        if (!item) return fail('not_found', 'That agenda item no longer exists.');
        if (!kinds.kindOf(item.moduleType).hasBoard) return fail('conflict', 'This agenda item does not take notes.');
        if (!kinds.columnsOf(item).includes(cmd.payload.column)) return fail('not_found', `No column "${cmd.payload.column}".`);
        if (actor.role !== 'facilitator' && dictHas(state.lockedItems, item.id)) return fail('conflict', 'The board is locked.');
        const policy = m.notePolicy(item);
        const refused = policy?.refuse(state, actor, item.id, 'add');
        if (refused) return refused;
        const author =
          actor.role === 'participant'
            ? { authorId: actor.participantId, authorName: actor.name }
            : { authorId: null, authorName: 'Facilitator' };
        // The command id names the note, so the phone can match it; someone reusing an id they saw gets a fresh one.
        const note = { id: noteById(state, cmd.id) ? newId() : cmd.id, itemId: item.id, column: cmd.payload.column, text: cmd.payload.text, ...author, groupId: null, anonymous: !!policy?.anonymous || !!item.anonymous };
        const secret = !!policy?.isPrivate(state, item.id);
        return ok(secret ? { type: 'note.added', note, private: true } : { type: 'note.added', note });
      }
      case 'note.edit':
      case 'note.move':
      case 'note.delete': {
        const note = noteById(state, cmd.payload.noteId);
        if (!note) return fail('not_found', 'That note no longer exists.');
        if (actor.role !== 'facilitator' && dictHas(state.lockedItems, note.itemId)) return fail('conflict', 'The board is locked.');
        const item = state.agenda.find((i) => i.id === note.itemId);
        // An anonymous note keeps its rules and privacy even if its item is removed.
        const policy = m.notePolicy(item, note);
        const action = cmd.type === 'note.delete' ? 'delete' : cmd.type === 'note.edit' ? 'edit' : 'move';
        const refused = policy?.refuse(state, actor, note.itemId, action);
        if (refused) return refused;
        if (cmd.type === 'note.delete') {
          const left = leaving(state, note);
          return ok(...left, left.length ? { type: 'note.deleted', noteId: note.id, note, left } : { type: 'note.deleted', noteId: note.id, note });
        }
        if (cmd.type === 'note.edit') {
          const secret = !!policy?.isPrivate(state, note.itemId) || !!note.withheld;
          return ok(
            secret
              ? { type: 'note.edited', noteId: note.id, text: cmd.payload.text, private: true, authorId: note.authorId }
              : { type: 'note.edited', noteId: note.id, text: cmd.payload.text },
          );
        }
        if (item && !kinds.columnsOf(item).includes(cmd.payload.column)) return fail('not_found', `No column "${cmd.payload.column}".`);
        if (note.column === cmd.payload.column) return fail('conflict', `The note is already in "${note.column}".`);
        return ok(...leaving(state, note), { type: 'note.moved', noteId: note.id, column: cmd.payload.column });
      }
      case 'note.restore': {
        const deleted = undoable(state, cmd.payload.noteId, now);
        if (typeof deleted === 'string') return fail('not_found', deleted);
        if (noteById(state, deleted.note.id)) return fail('conflict', 'That note cannot be brought back: another note took its place.');
        const item = state.agenda.find((i) => i.id === deleted.note.itemId);
        if (!item) return fail('not_found', 'Its agenda item was removed: the note cannot come back.');
        const note = m.list.reduce((n, mod) => mod.noteReturning?.(state, n) ?? n, deleted.note);
        const secret = !!m.notePolicy(item, note)?.isPrivate(state, item.id) || !!note.withheld;
        const back = m.list.flatMap((mod) => mod.noteReturned?.(state, note, deleted.left ?? []) ?? []);
        return ok(secret ? { type: 'note.restored', note, private: true } : { type: 'note.restored', note }, ...back);
      }
      case 'note.erase': {
        const note = noteById(state, cmd.payload.noteId);
        if (!note) return fail('not_found', 'That note no longer exists.');
        return ok(...leaving(state, note), { type: 'note.erased', noteId: note.id });
      }
      case 'session.end':
        return ok({ type: 'session.ended' });
      case 'session.delete':
        return ok(); // the server deletes the whole log: there is nothing to add to it
      case 'board.lock':
        if (!state.agenda.some((i) => i.id === cmd.payload.itemId)) return fail('not_found', 'No such agenda item.');
        return ok({ type: 'board.locked', itemId: cmd.payload.itemId, locked: cmd.payload.locked });
      default: {
        const module = m.owner(cmd.type);
        // Stryker disable next-line all: unreachable for a validated command (every module command has its module)
        if (!module?.decide) return fail('invalid', 'Unknown command.');
        return module.decide(state, actor, cmd, context(now, newId));
      }
    }
  }

  return { decide };
}


