import { fail } from '../../protocol/results.js';
import type { Decision } from '../../session/decide.js';
import { dictGet } from '../../session/dict.js';
import type { DecideContext } from '../../session/module.js';
import type { Actor } from '../../session/permissions.js';
import type { AgendaItem, ModuleType, SessionState } from '../../session/state.js';
import { groupById, workGroupsOf, type GroupTimer } from '../workgroup/workgroup.state.js';
import { nextTimer } from '../workgroup/workgroup.timers.js';
import { membersOf } from '../workgroup/workgroup.rules.js';
import type { PlenaryCommand, PlenaryEvent } from './plenary.events.js';
import { decideImport } from './plenary.import.js';
import { decidePull } from './plenary.pull.js';
import { MAX_NEXT_STEPS, MAX_REACTIONS, MAX_REACTIONS_PER_PERSON, plenaryOf, presentingNow, type NextStep, type Reaction } from './plenary.state.js';

/** Minutes a group presents for when the console gives none. */
export const DEFAULT_PRESENT_MINUTES = 5;

const one = (e: PlenaryEvent): Decision => ({ ok: true, events: [e] });

/** The agenda item, when it is of that kind; else the sentence that says what is wrong. */
export function itemOfKind(s: SessionState, itemId: string, type: ModuleType, what: string): AgendaItem | string {
  const item = s.agenda.find((i) => i.id === itemId);
  if (!item) return 'That agenda item no longer exists.';
  return item.moduleType === type ? item : `This agenda item is not ${what}.`;
}

/** A presenting group's countdown of `minutes`, not started. */
export const idleTimer = (minutes: number): GroupTimer => nextTimer(null, 'reset', minutes, 0) ?? { status: 'idle', durationMs: 0, endsAt: null, remainingMs: 0 };

/** The report-out timer after a start, pause or reset at `now` (the work groups' timer rules), or why not. */
export function timerAction(t: GroupTimer, action: 'start' | 'pause' | 'reset', now: number, minutes?: number): GroupTimer | string {
  if (action === 'start' && t.status === 'running') return 'The report-out timer is already running.';
  if (action === 'pause' && t.status !== 'running') return 'The report-out timer is not running.';
  return nextTimer(t, action, action === 'start' && t.status !== 'idle' ? undefined : minutes, now) ?? t;
}

function nextStepOf(s: SessionState, cmd: Extract<PlenaryCommand, { type: 'plenary.addNextStep' | 'plenary.editNextStep' }>, base: Pick<NextStep, 'id' | 'itemId' | 'createdAt'>): NextStep {
  const { what, owner, partner, term, date } = cmd.payload;
  return { ...base, what, owner, partner, term, date };
}

export function decidePlenary(s: SessionState, actor: Actor, cmd: PlenaryCommand, ctx: DecideContext): Decision {
  const p = plenaryOf(s);
  switch (cmd.type) {
    case 'plenary.present': {
      const item = itemOfKind(s, cmd.payload.itemId, 'reportout', 'a report-out item');
      if (typeof item === 'string') return fail('not_found', item);
      const { workGroupId } = cmd.payload;
      if (workGroupId === null) return p.presenting ? one({ type: 'plenary.presented', presenting: null }) : fail('conflict', 'No group is presenting.');
      if (!groupById(s, workGroupId)) return fail('not_found', 'That work group no longer exists.');
      const timer = idleTimer(cmd.payload.minutes ?? DEFAULT_PRESENT_MINUTES);
      return one({ type: 'plenary.presented', presenting: { itemId: item.id, workGroupId, timer } });
    }
    case 'plenary.presentTimer': {
      const presenting = presentingNow(s);
      if (!presenting) return fail('conflict', 'No group is presenting: pick the group first.');
      const timer = timerAction(presenting.timer, cmd.payload.action, ctx.now, cmd.payload.minutes);
      return typeof timer === 'string' ? fail('conflict', timer) : one({ type: 'plenary.presentTimerSet', timer });
    }
    case 'plenary.react': {
      if (actor.role !== 'participant') return fail('forbidden', 'Questions and reactions are sent from a phone.');
      if (presentingNow(s)?.workGroupId !== cmd.payload.workGroupId) return fail('conflict', 'That group is not presenting now.');
      if (p.reactions.length >= MAX_REACTIONS) return fail('conflict', `This session has taken its ${MAX_REACTIONS} questions and reactions.`);
      if (p.reactions.filter((r) => r.authorId === actor.participantId).length >= MAX_REACTIONS_PER_PERSON)
        return fail('conflict', `You have sent ${MAX_REACTIONS_PER_PERSON} questions and reactions: leave room for the others.`);
      const { workGroupId, kind, text } = cmd.payload;
      const to = [...new Set([...membersOf(s, workGroupId), actor.participantId])];
      const reaction = { id: ctx.newId(), workGroupId, kind, text, authorId: actor.participantId, authorName: actor.name, at: ctx.now };
      return one({ type: 'plenary.reacted', reaction, to });
    }
    case 'plenary.pull':
      return decidePull(s, actor, cmd.payload, ctx);
    case 'plenary.addNextStep': {
      const item = itemOfKind(s, cmd.payload.itemId, 'nextsteps', 'a next-steps item');
      if (typeof item === 'string') return fail('not_found', item);
      if (p.nextSteps.length >= MAX_NEXT_STEPS) return fail('conflict', `A session can hold at most ${MAX_NEXT_STEPS} next steps.`);
      return one({ type: 'plenary.nextStepAdded', nextStep: nextStepOf(s, cmd, { id: ctx.newId(), itemId: item.id, createdAt: ctx.now }) });
    }
    case 'plenary.editNextStep': {
      const step = p.nextSteps.find((n) => n.id === cmd.payload.nextStepId);
      if (!step) return fail('not_found', 'That next step is no longer there.');
      return one({ type: 'plenary.nextStepEdited', nextStep: nextStepOf(s, cmd, step) });
    }
    case 'plenary.removeNextStep':
      if (!p.nextSteps.some((n) => n.id === cmd.payload.nextStepId)) return fail('not_found', 'That next step is no longer there.');
      return one({ type: 'plenary.nextStepRemoved', nextStepId: cmd.payload.nextStepId });
    case 'plenary.import':
      // The server finds the kick-off session and sends `plenary.receive` in its place; no other path reaches here.
      return fail('conflict', 'Work groups can only be imported through the server.');
    case 'plenary.receive':
      return decideImport(s, cmd.payload.source, ctx);
    // Stryker disable next-line all: unreachable, every command type has its case (the compiler checks)
    default: {
      const never: never = cmd;
      return never;
    }
  }
}

/**
 * Whether a participant may read a reaction: one it was sent to (its author, the group's members then), as the live
 * event reached them; a reaction stored before its recipients were kept goes by the group they are in now.
 */
export const mayReadReaction = (s: SessionState, participantId: string | null, r: Pick<Reaction, 'workGroupId' | 'authorId' | 'to'>): boolean => {
  if (participantId === null) return false;
  if (r.to) return r.to.includes(participantId);
  return r.authorId === participantId || dictGet(workGroupsOf(s).members, participantId) === r.workGroupId;
};
