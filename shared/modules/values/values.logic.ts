/**
 * The survey's decisions: the facilitator's list of values (add, the starter list, edit, remove, reorder, merge), the
 * phase and the results, then the proposals, the ratings and the follow-up (values.proposals.ts, values.rating.ts,
 * values.followup.ts). Every refusal is our own sentence; a reference to something gone is refused.
 */
import { fail } from '../../protocol/results.js';
import type { Decision } from '../../session/decide.js';
import { dictGet } from '../../session/dict.js';
import type { DecideContext } from '../../session/module.js';
import type { Actor } from '../../session/permissions.js';
import type { SessionState } from '../../session/state.js';
import type { ValuesCommand } from './values.events.js';
import { decideFollowUp, type FollowUpCommand } from './values.followup.js';
import { decideProposal, type ProposalCommand } from './values.proposals.js';
import { countsAfterMerge, countsAfterRemoval, decideRate } from './values.rating.js';
import { MAX_VALUES, type CandidateValue } from './values.state.js';
import { nameTaken, namedLike, one, SAY, surveyFor, valueOf, type Survey } from './values.rules.js';

type Cmd<T extends ValuesCommand['type']> = Extract<ValuesCommand, { type: T }>;
type ListCommand = Exclude<ValuesCommand, { type: ProposalCommand['type'] | 'values.rate' | FollowUpCommand['type'] }>;

function addValues(at: Survey, cmd: Cmd<'values.addValues'>, newId: () => string): Decision {
  const { itemId, survey } = at;
  const fresh: CandidateValue[] = [];
  for (const v of cmd.payload.values) {
    if (namedLike(survey, v.name) || fresh.some((f) => f.name.toLocaleLowerCase() === v.name.toLocaleLowerCase())) continue;
    fresh.push({ id: newId(), name: v.name, description: v.description ?? '', proposalId: null });
  }
  if (!fresh.length) return fail('conflict', 'Every value of that list is already in the survey.');
  const room = MAX_VALUES - survey.order.length;
  if (fresh.length > room)
    return fail('conflict', `Only ${room} more ${room === 1 ? 'value fits' : 'values fit'} in the survey (at most ${MAX_VALUES}): remove or merge some first.`);
  return one(...fresh.map((value) => ({ type: 'values.valueAdded' as const, itemId, value })));
}

/** The list of values, the phase and the results. */
function decideList(at: Survey, cmd: ListCommand, newId: () => string): Decision {
  const { itemId, survey } = at;
  switch (cmd.type) {
    case 'values.addValue': {
      const { name, description = '', index } = cmd.payload;
      if (survey.order.length >= MAX_VALUES) return fail('conflict', SAY.full);
      if (namedLike(survey, name)) return nameTaken(name);
      const value = { id: newId(), name, description, proposalId: null };
      return one({ type: 'values.valueAdded', itemId, value, ...(index === undefined ? {} : { index: Math.min(index, survey.order.length) }) });
    }
    case 'values.addValues':
      return addValues(at, cmd, newId);
    case 'values.editValue': {
      const { valueId, name, description } = cmd.payload;
      if (!valueOf(survey, valueId)) return fail('not_found', SAY.noValue);
      if (namedLike(survey, name, valueId)) return nameTaken(name);
      return one({ type: 'values.valueEdited', itemId, valueId, name, description });
    }
    case 'values.removeValue': {
      const { valueId } = cmd.payload;
      if (!valueOf(survey, valueId)) return fail('not_found', SAY.noValue);
      return one({ type: 'values.valueRemoved', itemId, valueId, respondents: countsAfterRemoval(survey, valueId) });
    }
    case 'values.moveValue': {
      const { valueId, toIndex } = cmd.payload;
      if (!valueOf(survey, valueId)) return fail('not_found', SAY.noValue);
      return one({ type: 'values.valueMoved', itemId, valueId, toIndex: Math.min(toIndex, survey.order.length - 1) });
    }
    case 'values.mergeValues': {
      const { fromId, intoId } = cmd.payload;
      if (!valueOf(survey, fromId) || !valueOf(survey, intoId)) return fail('not_found', SAY.noValue);
      if (fromId === intoId) return fail('conflict', 'A value cannot be merged into itself.');
      return one({ type: 'values.valuesMerged', itemId, fromId, intoId, ...countsAfterMerge(survey, fromId, intoId) });
    }
    case 'values.setPhase': {
      const { phase } = cmd.payload;
      if (survey.phase === phase) return fail('conflict', `The survey is already ${phase === 'setup' ? 'being set up' : phase}.`);
      if (phase === 'open' && !survey.order.length) return fail('conflict', 'Add at least one value before opening the survey.');
      return one({ type: 'values.phaseSet', itemId, phase });
    }
    case 'values.showResults': {
      const { shown } = cmd.payload;
      if (survey.resultsShown === shown) return fail('conflict', shown ? 'The results are already shown.' : 'The results are already hidden.');
      const tally = Object.fromEntries(survey.order.flatMap((id) => {
        const t = dictGet(survey.tally, id);
        return t ? [[id, t] as const] : [];
      }));
      return one({ type: 'values.resultsShown', itemId, shown, tally });
    }
    // Stryker disable next-line all: unreachable, every command type has its case (the compiler checks)
    default: {
      const never: never = cmd;
      return never;
    }
  }
}

export function decideValues(s: SessionState, actor: Actor, cmd: ValuesCommand, { newId, now }: Pick<DecideContext, 'newId' | 'now'>): Decision {
  const at = surveyFor(s, cmd.payload.itemId);
  if ('ok' in at) return at;
  switch (cmd.type) {
    case 'values.propose':
    case 'values.acceptProposal':
    case 'values.mergeProposal':
    case 'values.declineProposal':
      return decideProposal(at, actor, cmd, newId, now);
    case 'values.rate':
      return decideRate(at, actor, cmd);
    case 'values.setInvolve':
    case 'values.setAction':
    case 'values.removeAction':
      return decideFollowUp(at, cmd, newId);
    default:
      return decideList(at, cmd, newId);
  }
}
