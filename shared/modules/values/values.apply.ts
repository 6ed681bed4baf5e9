/**
 * The survey's events applied to the state. Events were validated when written: this never throws, and an event
 * naming a value, proposal or action that is gone is ignored (or does what it still can).
 */
import { dictGet, dictSet, dictWithout, mapDict, toDict, type Dict } from '../../session/dict.js';
import type { EventMeta } from '../../session/module.js';
import type { SessionState } from '../../session/state.js';
import type { ValuesEvent } from './values.events.js';
import { ballotsWithout, mergedBallots, withRating } from './values.rating.js';
import { countBallots } from './values.results.js';
import { surveyOf, type ValueProposal, type ValuesSurvey } from './values.state.js';

const has = (v: ValuesSurvey, valueId: string): boolean => v.order.includes(valueId) && !!dictGet(v.values, valueId);

const placed = (order: readonly string[], id: string, index: number | undefined): string[] => {
  const rest = order.filter((x) => x !== id);
  const at = Math.max(0, Math.min(index ?? rest.length, rest.length));
  return [...rest.slice(0, at), id, ...rest.slice(at)];
};

const answer = (v: ValuesSurvey, proposalId: string, change: Partial<ValueProposal>): ValuesSurvey => {
  const p = dictGet(v.proposals, proposalId);
  return p ? { ...v, proposals: dictSet(v.proposals, proposalId, { ...p, ...change }) } : v;
};

/** A record without one key, and a key's entries moved onto another (merges). */
const repoint = <T extends { valueId: string | null }>(d: Dict<T>, fromId: string, intoId: string): Dict<T> =>
  mapDict(d, (x) => (x.valueId === fromId ? { ...x, valueId: intoId } : x));

function removeValue(v: ValuesSurvey, e: Extract<ValuesEvent, { type: 'values.valueRemoved' }>): ValuesSurvey {
  if (!dictGet(v.values, e.valueId) && !v.order.includes(e.valueId)) return v;
  const ballots = ballotsWithout(v.ballots, e.valueId);
  return {
    ...v,
    values: dictWithout(v.values, e.valueId),
    order: v.order.filter((x) => x !== e.valueId),
    ballots,
    tally: dictWithout(v.tally, e.valueId),
    answered: dictWithout(v.answered, e.valueId),
    respondents: e.respondents ?? countBallots(ballots).respondents,
    actions: toDict(Object.entries(v.actions).filter(([, a]) => a.valueId !== e.valueId)),
  };
}

function mergeValues(v: ValuesSurvey, e: Extract<ValuesEvent, { type: 'values.valuesMerged' }>): ValuesSurvey {
  const { fromId, intoId } = e;
  if (fromId === intoId || !has(v, fromId) || !has(v, intoId)) return v;
  const ballots = mergedBallots(v.ballots, fromId, intoId);
  const counted = e.tally && e.answered !== undefined && e.respondents !== undefined ? null : countBallots(ballots);
  return {
    ...v,
    values: dictWithout(v.values, fromId),
    order: v.order.filter((x) => x !== fromId),
    ballots,
    tally: dictWithout(dictSet(v.tally, intoId, e.tally ?? dictGet(counted?.tally, intoId) ?? { importance: [0, 0, 0, 0, 0], practice: [0, 0, 0, 0, 0] }), fromId),
    answered: dictWithout(dictSet(v.answered, intoId, e.answered ?? dictGet(counted?.answered, intoId) ?? 0), fromId),
    respondents: e.respondents ?? counted?.respondents ?? v.respondents,
    proposals: repoint(v.proposals, fromId, intoId),
    actions: repoint(v.actions, fromId, intoId),
  };
}

function applyTo(v: ValuesSurvey, e: ValuesEvent): ValuesSurvey {
  switch (e.type) {
    case 'values.valueAdded':
      if (dictGet(v.values, e.value.id)) return v;
      return { ...v, values: dictSet(v.values, e.value.id, e.value), order: placed(v.order, e.value.id, e.index) };
    case 'values.valueEdited': {
      const value = dictGet(v.values, e.valueId);
      return value ? { ...v, values: dictSet(v.values, e.valueId, { ...value, name: e.name, description: e.description }) } : v;
    }
    case 'values.valueRemoved':
      return removeValue(v, e);
    case 'values.valueMoved':
      return has(v, e.valueId) ? { ...v, order: placed(v.order, e.valueId, e.toIndex) } : v;
    case 'values.valuesMerged':
      return mergeValues(v, e);
    case 'values.proposed':
      return dictGet(v.proposals, e.proposal.id) ? v : { ...v, proposals: dictSet(v.proposals, e.proposal.id, e.proposal) };
    case 'values.proposalAccepted': {
      if (!dictGet(v.proposals, e.proposalId)) return v;
      const answered = answer(v, e.proposalId, { status: 'accepted', valueId: e.value.id });
      if (dictGet(v.values, e.value.id)) return answered;
      return { ...answered, values: dictSet(v.values, e.value.id, e.value), order: placed(v.order, e.value.id, undefined) };
    }
    case 'values.proposalMerged':
      return has(v, e.intoId) ? answer(v, e.proposalId, { status: 'merged', valueId: e.intoId }) : v;
    case 'values.proposalDeclined':
      return answer(v, e.proposalId, { status: 'declined', reason: e.reason });
    case 'values.phaseSet':
      return { ...v, phase: e.phase };
    case 'values.resultsShown':
      return { ...v, resultsShown: e.shown, tally: toDict(e.tally) };
    case 'values.rated': {
      if (!has(v, e.valueId)) return v;
      const ballots = e.ballot ? dictSet(v.ballots, e.ballot, withRating(dictGet(v.ballots, e.ballot), e.valueId, e.rating)) : v.ballots;
      return {
        ...v,
        ballots: e.ballot && !Object.keys(dictGet(ballots, e.ballot) ?? {}).length ? dictWithout(ballots, e.ballot) : ballots,
        tally: dictSet(v.tally, e.valueId, e.tally),
        answered: dictSet(v.answered, e.valueId, e.answered),
        respondents: e.respondents,
      };
    }
    case 'values.involveSet':
      return { ...v, involve: e.involve };
    case 'values.actionSet':
      return has(v, e.action.valueId) ? { ...v, actions: dictSet(v.actions, e.action.id, e.action) } : v;
    case 'values.actionRemoved':
      return { ...v, actions: dictWithout(v.actions, e.actionId) };
    // Stryker disable next-line all: unreachable, every event type has its case (the compiler checks)
    default: {
      const never: never = e;
      return never;
    }
  }
}

export function applyValues(s: SessionState, e: ValuesEvent & EventMeta): SessionState {
  const next = applyTo(surveyOf(s, e.itemId), e);
  return next === dictGet(s.values, e.itemId) ? s : { ...s, values: dictSet(s.values, e.itemId, next) };
}
