/**
 * Who sees what of the survey (see "Anonymity" in values.state.ts). The console sees every event as written but the
 * ratings: their tallies and counts, never a ballot nor a ballot's answers (the same ballot on every rating of a phone
 * would let one rating tied to a person, by timing or by watching, give away all of theirs). A phone with a ballot (the server gives each participant's screens their own) sees its
 * own ratings; the board and every other phone see a rating as ballot '' and no answer. Tallies reach them only while
 * the results are shown (before that, zeros in their place); answered counts and respondents always. A proposal's
 * author is seen by the facilitator and the author only.
 */
import { emptyDict, mapDict, toDict } from '../../session/dict.js';
import type { SessionEvent } from '../../session/events.js';
import type { EventMeta } from '../../session/module.js';
import type { SessionState } from '../../session/state.js';
import { isAuthor, onlyKey, viewerBallot, type Viewer } from '../../session/visibility.js';
import type { ValuesEvent } from './values.events.js';
import { emptyTally } from './values.results.js';
import type { ValueProposal, ValuesSurvey, ValueTally } from './values.state.js';

const zeros = (): ValueTally => emptyTally();
const NO_ANSWER = { importance: null, practice: null };

const proposalFor = (p: ValueProposal, viewer: Viewer): ValueProposal => (isAuthor(p.authorId, viewer) ? p : { ...p, authorId: null });

/** A proposal is its author's (they see it with their id). */
export const valuesPersonalFor = (e: ValuesEvent): string | null => (e.type === 'values.proposed' ? e.proposal.authorId : null);

export function valuesEventFor(e: ValuesEvent & EventMeta, viewer: Viewer, _hidden: SessionEvent): SessionEvent {
  if (viewer.role === 'facilitator') return e.type === 'values.rated' ? { ...e, ballot: '', rating: NO_ANSWER } : e;
  switch (e.type) {
    case 'values.proposed':
      return { ...e, proposal: proposalFor(e.proposal, viewer) };
    case 'values.rated': {
      const tally = e.shown ? e.tally : zeros();
      const mine = viewerBallot(viewer) === e.ballot;
      return mine ? { ...e, tally } : { ...e, ballot: '', rating: NO_ANSWER, tally };
    }
    case 'values.resultsShown':
      return e.shown ? e : { ...e, tally: Object.fromEntries(Object.keys(e.tally).map((k) => [k, zeros()])) };
    case 'values.valuesMerged':
      return e.tally && !e.shown ? { ...e, tally: zeros() } : e;
    default:
      return e;
  }
}

export function surveyFor(v: ValuesSurvey, viewer: Viewer): ValuesSurvey {
  if (viewer.role === 'facilitator') return { ...v, ballots: emptyDict() };
  return {
    ...v,
    ballots: onlyKey(v.ballots, viewerBallot(viewer)),
    tally: v.resultsShown ? v.tally : mapDict(v.tally, zeros),
    proposals: mapDict(v.proposals, (p) => proposalFor(p, viewer)),
  };
}

/** The console's copy is the state itself while no survey holds a ballot (nothing to take out: no copy made). */
export const valuesStateFor = (s: SessionState, viewer: Viewer): Pick<SessionState, 'values'> =>
  viewer.role === 'facilitator' && Object.values(s.values).every((v) => Object.keys(v.ballots).length === 0)
    ? { values: s.values }
    : { values: toDict(Object.entries(s.values).map(([id, v]) => [id, surveyFor(v, viewer)] as const)) };
