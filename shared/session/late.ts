import type { Command, CommandBody } from '../protocol/commands.js';
import type { Decide, Decision } from './decide.js';
import type { ClosedStep, DecideContext, LateInput, Participant } from './module.js';
import type { ModuleTable } from './modules.js';
import type { Actor } from './permissions.js';
import type { SessionState } from './state.js';
import { dictHas } from './dict.js';
import { noteById } from './notes.js';

/**
 * Late input, the core's part: which participant inputs a closed step can leave waiting, why one was late, and the
 * decision the server runs (the session's rules, then the modules' `refused` hooks: the late module keeps the input).
 */
export function lateRules(m: ModuleTable, decide: Decide, context: (now: number, newId: () => string) => DecideContext) {
  const { kinds } = m;
  const lateInputs: ReadonlySet<string> = new Set<string>(['note.add', 'note.edit', ...m.list.flatMap((mod) => mod.lateInputs ?? [])]);
  const isLateInput = (cmd: CommandBody): cmd is LateInput => lateInputs.has(cmd.type);

  /**
   * Whether a participant's input was refused only because its step had closed, and if so on which item and why.
   * Everything else (not theirs, a column or item that does not exist, a dot before the vote, a full dot budget) is
   * a plain refusal: accepting it later would be wrong, not late.
   */
  function closedStep(s: SessionState, actor: Participant, input: LateInput, ctx: DecideContext): ClosedStep | null {
    const locked = (itemId: string) => dictHas(s.lockedItems, itemId);
    switch (input.type) {
      case 'note.add': {
        const item = s.agenda.find((i) => i.id === input.payload.itemId);
        if (!item || !kinds.kindOf(item.moduleType).hasBoard || !kinds.columnsOf(item).includes(input.payload.column)) return null;
        if (locked(item.id)) return { itemId: item.id, reason: 'The board was locked.' };
        const reason = m.notePolicy(item)?.closedReason(s, item.id, 'add');
        return reason ? { itemId: item.id, reason } : null;
      }
      case 'note.edit': {
        const note = noteById(s, input.payload.noteId);
        if (!note || note.authorId !== actor.participantId) return null;
        if (locked(note.itemId)) return { itemId: note.itemId, reason: 'The board was locked.' };
        const reason = m.notePolicy(s.agenda.find((i) => i.id === note.itemId), note)?.closedReason(s, note.itemId, 'edit');
        return reason ? { itemId: note.itemId, reason } : null;
      }
      default: {
        const module = m.owner(input.type);
        return module?.closedStep ? module.closedStep(s, actor, input, ctx) : null;
      }
    }
  }

  /**
   * The decision the server runs for every command: the session's rules, except that a participant's input refused
   * only because its step closed meanwhile may be kept (by a module's `refused` hook) instead of being lost.
   */
  function decideCommand(state: SessionState, actor: Actor, cmd: Command, now: number, newId: () => string): Decision {
    const decision = decide(state, actor, cmd, now, newId);
    if (decision.ok || actor.role !== 'participant') return decision;
    for (const module of m.list) {
      const kept = module.refused?.(state, actor, cmd, context(now, newId));
      if (kept) return kept;
    }
    return decision;
  }

  return { isLateInput, closedStep, decideCommand };
}
