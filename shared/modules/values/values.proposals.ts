/**
 * Proposals: a participant proposes a value (setup or open, a few waiting at a time); the facilitator accepts it (as
 * typed or renamed), merges it into a value already listed, or declines it with a reason the proposer reads.
 */
import { fail } from '../../protocol/results.js';
import type { Decision } from '../../session/decide.js';
import { dictGet } from '../../session/dict.js';
import type { Actor } from '../../session/permissions.js';
import type { ValuesCommand } from './values.events.js';
import { MAX_PROPOSALS, MAX_PROPOSALS_PER_PERSON, MAX_VALUES } from './values.state.js';
import { namedLike, nameTaken, one, sameName, SAY, valueOf, type Survey } from './values.rules.js';

export type ProposalCommand = Extract<
  ValuesCommand,
  { type: 'values.propose' | 'values.acceptProposal' | 'values.mergeProposal' | 'values.declineProposal' }
>;

export function decideProposal(at: Survey, actor: Actor, cmd: ProposalCommand, newId: () => string, now: number): Decision {
  const { itemId, survey } = at;
  if (cmd.type === 'values.propose') {
    if (actor.role !== 'participant') return fail('forbidden', 'Values are proposed from a phone; the facilitator adds them to the list directly.');
    if (survey.phase === 'closed') return fail('conflict', 'The survey is closed: it takes no more proposals. Tell the facilitator in the room.');
    const { text } = cmd.payload;
    const listed = namedLike(survey, text);
    if (listed) return nameTaken(listed.name);
    const proposals = Object.values(survey.proposals);
    const mine = proposals.filter((p) => p.authorId === actor.participantId && p.status === 'waiting');
    const again = mine.find((p) => sameName(p.text, text));
    if (again) return fail('conflict', `You proposed “${again.text}” already: it is waiting for the facilitator.`);
    const waiting = mine.length;
    if (waiting >= MAX_PROPOSALS_PER_PERSON)
      return fail('conflict', `You have ${MAX_PROPOSALS_PER_PERSON} proposals waiting for the facilitator: wait until they are answered.`);
    if (proposals.length >= MAX_PROPOSALS)
      return fail('conflict', `The survey has taken ${MAX_PROPOSALS} proposals, the most it holds: tell the facilitator in the room.`);
    const proposal = { id: newId(), text, authorId: actor.participantId, status: 'waiting' as const, valueId: null, reason: '', at: now };
    return one({ type: 'values.proposed', itemId, proposal });
  }
  const { proposalId } = cmd.payload;
  const proposal = dictGet(survey.proposals, proposalId);
  if (!proposal) return fail('not_found', SAY.noProposal);
  if (proposal.status !== 'waiting') return fail('conflict', SAY.answered);
  switch (cmd.type) {
    case 'values.acceptProposal': {
      const name = cmd.payload.name ?? proposal.text;
      if (survey.order.length >= MAX_VALUES) return fail('conflict', SAY.full);
      const like = namedLike(survey, name);
      if (like) return fail('conflict', `“${like.name}” is already in the survey: merge the proposal into it, or accept it under another name.`);
      return one({ type: 'values.proposalAccepted', itemId, proposalId, value: { id: newId(), name, description: '', proposalId } });
    }
    case 'values.mergeProposal':
      if (!valueOf(survey, cmd.payload.intoId)) return fail('not_found', SAY.noValue);
      return one({ type: 'values.proposalMerged', itemId, proposalId, intoId: cmd.payload.intoId });
    case 'values.declineProposal':
      return one({ type: 'values.proposalDeclined', itemId, proposalId, reason: cmd.payload.reason ?? '' });
  }
}
