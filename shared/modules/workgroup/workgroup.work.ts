import { fail } from '../../protocol/results.js';
import { dictGet } from '../../session/dict.js';
import type { Decision } from '../../session/decide.js';
import type { DecideContext } from '../../session/module.js';
import type { Actor } from '../../session/permissions.js';
import type { SessionState } from '../../session/state.js';
import type { WorkGroupCommand, WorkGroupEvent } from './workgroup.events.js';
import { authorOf, editRefusal, leaderRefusal, NO_SUCH_GROUP, workRefusal } from './workgroup.rules.js';
import { MAX_ANSWERS_PER_FIELD, MAX_STEPS_PER_STRATEGY, MAX_STRATEGIES_PER_GROUP, REPORT_FIELD_LABELS, workGroupsOf } from './workgroup.state.js';

type WorkCommand = Extract<
  WorkGroupCommand,
  {
    type: `workgroup.${'addStrategy' | 'editStrategy' | 'removeStrategy' | 'moveStrategy' | 'addStep' | 'editStep' | 'removeStep' | 'addAnswer' | 'editAnswer' | 'removeAnswer' | 'ready'}`;
  }
>;

export const NO_SUCH_STRATEGY = 'That strategy no longer exists.';
export const NO_SUCH_STEP = 'That action step no longer exists.';
export const NO_SUCH_ANSWER = 'That answer no longer exists.';

const ok = (...events: WorkGroupEvent[]): Decision => ({ ok: true, events });

/**
 * A group's own work: strategies with their action steps, the report-out's answers, and "ready". Every member adds;
 * the leader or the author changes and removes; only the leader orders and marks ready; the facilitator does all.
 * A member of one group never changes another group's work, whatever they name.
 */
export function decideWork(s: SessionState, actor: Actor, cmd: WorkCommand, { newId }: Pick<DecideContext, 'newId'>): Decision {
  const wg = workGroupsOf(s);
  const group = (id: string) => wg.groups.find((g) => g.id === id);
  const strategyOf = (id: string) => {
    const st = dictGet(wg.strategies, id);
    const g = st && group(st.workGroupId);
    return st && g ? { st, g } : null;
  };
  const answerOf = (id: string) => {
    const a = dictGet(wg.answers, id);
    const g = a && group(a.workGroupId);
    return a && g ? { a, g } : null;
  };
  switch (cmd.type) {
    case 'workgroup.addStrategy': {
      const g = group(cmd.payload.workGroupId);
      if (!g) return fail('not_found', NO_SUCH_GROUP);
      const refused = workRefusal(s, actor, g.id);
      if (refused) return refused;
      if (g.strategyOrder.length >= MAX_STRATEGIES_PER_GROUP) return fail('conflict', `A group can have at most ${MAX_STRATEGIES_PER_GROUP} strategies.`);
      return ok({ type: 'workgroup.strategyAdded', strategy: { id: newId(), workGroupId: g.id, text: cmd.payload.text, ...authorOf(actor) } });
    }
    case 'workgroup.editStrategy':
    case 'workgroup.removeStrategy': {
      const found = strategyOf(cmd.payload.strategyId);
      if (!found) return fail('not_found', NO_SUCH_STRATEGY);
      const refused = editRefusal(s, actor, found.g, found.st.authorId);
      if (refused) return refused;
      return cmd.type === 'workgroup.editStrategy'
        ? ok({ type: 'workgroup.strategyEdited', strategyId: found.st.id, text: cmd.payload.text })
        : ok({ type: 'workgroup.strategyRemoved', strategyId: found.st.id });
    }
    case 'workgroup.moveStrategy': {
      const found = strategyOf(cmd.payload.strategyId);
      if (!found) return fail('not_found', NO_SUCH_STRATEGY);
      const refused = leaderRefusal(s, actor, found.g);
      if (refused) return refused;
      const toIndex = Math.min(cmd.payload.toIndex, found.g.strategyOrder.length - 1);
      return ok({ type: 'workgroup.strategyMoved', strategyId: found.st.id, toIndex });
    }
    case 'workgroup.addStep': {
      const found = strategyOf(cmd.payload.strategyId);
      if (!found) return fail('not_found', NO_SUCH_STRATEGY);
      const refused = workRefusal(s, actor, found.g.id);
      if (refused) return refused;
      if (found.st.steps.length >= MAX_STEPS_PER_STRATEGY) return fail('conflict', `A strategy can have at most ${MAX_STEPS_PER_STRATEGY} action steps.`);
      const { what, owner, byWhen } = cmd.payload;
      return ok({ type: 'workgroup.stepAdded', strategyId: found.st.id, step: { id: newId(), what, owner, byWhen, authorId: authorOf(actor).authorId } });
    }
    case 'workgroup.editStep':
    case 'workgroup.removeStep': {
      const found = strategyOf(cmd.payload.strategyId);
      if (!found) return fail('not_found', NO_SUCH_STRATEGY);
      const step = found.st.steps.find((x) => x.id === cmd.payload.stepId);
      if (!step) return fail('not_found', NO_SUCH_STEP);
      const refused = editRefusal(s, actor, found.g, step.authorId);
      if (refused) return refused;
      if (cmd.type === 'workgroup.removeStep') return ok({ type: 'workgroup.stepRemoved', strategyId: found.st.id, stepId: step.id });
      const { what, owner, byWhen } = cmd.payload;
      return ok({ type: 'workgroup.stepEdited', strategyId: found.st.id, stepId: step.id, what, owner, byWhen });
    }
    case 'workgroup.addAnswer': {
      const g = group(cmd.payload.workGroupId);
      if (!g) return fail('not_found', NO_SUCH_GROUP);
      const refused = workRefusal(s, actor, g.id);
      if (refused) return refused;
      const { field, text } = cmd.payload;
      const n = Object.values(wg.answers).filter((a) => a.workGroupId === g.id && a.field === field).length;
      if (n >= MAX_ANSWERS_PER_FIELD) return fail('conflict', `“${REPORT_FIELD_LABELS[field]}” can have at most ${MAX_ANSWERS_PER_FIELD} answers.`);
      return ok({ type: 'workgroup.answerAdded', answer: { id: newId(), workGroupId: g.id, field, text, ...authorOf(actor) } });
    }
    case 'workgroup.editAnswer':
    case 'workgroup.removeAnswer': {
      const found = answerOf(cmd.payload.answerId);
      if (!found) return fail('not_found', NO_SUCH_ANSWER);
      const refused = editRefusal(s, actor, found.g, found.a.authorId);
      if (refused) return refused;
      return cmd.type === 'workgroup.editAnswer'
        ? ok({ type: 'workgroup.answerEdited', answerId: found.a.id, text: cmd.payload.text })
        : ok({ type: 'workgroup.answerRemoved', answerId: found.a.id });
    }
    case 'workgroup.ready': {
      const g = group(cmd.payload.workGroupId);
      if (!g) return fail('not_found', NO_SUCH_GROUP);
      const refused = leaderRefusal(s, actor, g);
      if (refused) return refused;
      if (cmd.payload.ready === (g.readyAt !== null))
        return fail('conflict', cmd.payload.ready ? 'The report-out is marked ready already.' : 'The report-out is not marked ready.');
      return ok({ type: 'workgroup.readySet', workGroupId: g.id, ready: cmd.payload.ready });
    }
  }
}
