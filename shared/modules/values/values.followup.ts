/**
 * The follow-up (seed 000): who needs to be involved in developing the values (the whole list, replaced), and actions
 * to cultivate a value (what, owner, by when), at most MAX_ACTIONS_PER_VALUE per value.
 */
import { fail } from '../../protocol/results.js';
import type { Decision } from '../../session/decide.js';
import { dictGet } from '../../session/dict.js';
import type { ValuesCommand } from './values.events.js';
import { MAX_ACTIONS_PER_VALUE } from './values.state.js';
import { one, SAY, valueOf, type Survey } from './values.rules.js';

export type FollowUpCommand = Extract<ValuesCommand, { type: 'values.setInvolve' | 'values.setAction' | 'values.removeAction' }>;

export function decideFollowUp(at: Survey, cmd: FollowUpCommand, newId: () => string): Decision {
  const { itemId, survey } = at;
  switch (cmd.type) {
    case 'values.setInvolve': {
      // An entry kept as it was keeps its id, so a screen editing the list keeps its place.
      const left = [...survey.involve];
      const involve = cmd.payload.involve.map((text) => {
        const at = left.findIndex((e) => e.text === text);
        const kept = at >= 0 ? left.splice(at, 1)[0] : undefined;
        return kept ?? { id: newId(), text };
      });
      return one({ type: 'values.involveSet', itemId, involve });
    }
    case 'values.setAction': {
      const { actionId, valueId, what, owner, byWhen } = cmd.payload;
      if (!valueOf(survey, valueId)) return fail('not_found', SAY.noValue);
      const existing = actionId === undefined ? undefined : dictGet(survey.actions, actionId);
      if (actionId !== undefined && !existing) return fail('not_found', 'That action no longer exists.');
      const forValue = Object.values(survey.actions).filter((a) => a.valueId === valueId && a.id !== actionId).length;
      if (forValue >= MAX_ACTIONS_PER_VALUE)
        return fail('conflict', `A value takes at most ${MAX_ACTIONS_PER_VALUE} actions: remove one before adding another.`);
      return one({ type: 'values.actionSet', itemId, action: { id: existing?.id ?? newId(), valueId, what, owner, byWhen } });
    }
    case 'values.removeAction':
      if (!dictGet(survey.actions, cmd.payload.actionId)) return fail('not_found', 'That action no longer exists.');
      return one({ type: 'values.actionRemoved', itemId, actionId: cmd.payload.actionId });
  }
}
