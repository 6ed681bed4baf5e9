/**
 * The eco-map's decisions. The facilitator sets the centre and the partners (and takes up the room's proposals),
 * opens and closes the vote and shows the results; each participant gives every partner one mark from their phone
 * (green, yellow, red or no dot; null withdraws it), secret until the results are shown; the facilitator or the
 * scribe they pick fills the engagement plan (how, who, when per partner). A mark after the vote closed is late
 * input, kept for the facilitator.
 */
import { fail } from '../../protocol/results.js';
import type { Decision } from '../../session/decide.js';
import { dictGet } from '../../session/dict.js';
import type { EventBody } from '../../session/events.js';
import type { ClosedStep, DecideContext } from '../../session/module.js';
import { participantById } from '../../session/notes.js';
import type { Actor } from '../../session/permissions.js';
import type { SessionState } from '../../session/state.js';
import type { EcoMapCommand, EcoMapEvent } from './ecomap.events.js';
import { withMark } from './ecomap.marks.js';
import { decidePartners, decideProposals, NO_SUCH_PARTNER } from './ecomap.partners.js';
import { countsOf, markersOf, tallyMarks } from './ecomap.results.js';
import { ECOMAP, ecoMapOf, MARK_LABELS, type EcoMapState } from './ecomap.state.js';

const ok = (...events: EventBody[]): Decision => ({ ok: true, events });

export const VOTE_WORDS: Record<EcoMapState['vote'], string> = { setup: 'being set up', open: 'open', closed: 'closed' };
export const ONLY_SCRIBE = 'Only the scribe the facilitator picked can fill in the engagement plan.';

export function decideEcoMap(s: SessionState, actor: Actor, cmd: EcoMapCommand, ctx: Pick<DecideContext, 'newId' | 'now' | 'kinds'>): Decision {
  const item = s.agenda.find((i) => i.id === cmd.payload.itemId);
  if (!item) return fail('not_found', 'That agenda item no longer exists.');
  if (!ctx.kinds.runs(item, ECOMAP)) return fail('conflict', 'This agenda item is not a stakeholder eco-map.');
  const itemId = item.id;
  const m = ecoMapOf(s, itemId);
  const one = (e: EcoMapEvent): Decision => ok(e);
  switch (cmd.type) {
    case 'ecomap.setCentre':
      return one({ type: 'ecomap.centreSet', itemId, centre: cmd.payload.centre });
    case 'ecomap.addPartner':
    case 'ecomap.addPartners':
    case 'ecomap.editPartner':
    case 'ecomap.removePartner':
    case 'ecomap.movePartner':
    case 'ecomap.mergePartners':
      return decidePartners(m, itemId, cmd, ctx);
    case 'ecomap.propose':
    case 'ecomap.acceptProposal':
    case 'ecomap.mergeProposal':
    case 'ecomap.declineProposal':
      return decideProposals(m, actor, itemId, cmd, ctx);
    case 'ecomap.setVote': {
      const { vote } = cmd.payload;
      if (vote === m.vote) return fail('conflict', `The vote is ${VOTE_WORDS[vote]} already.`);
      if (vote === 'open' && !m.order.length) return fail('conflict', 'Add at least one partner before opening the vote.');
      return one({ type: 'ecomap.voteSet', itemId, vote });
    }
    case 'ecomap.showResults': {
      const { shown } = cmd.payload;
      if (shown === m.resultsShown) return fail('conflict', shown ? 'The results are shown already.' : 'The results are hidden already.');
      return one({ type: 'ecomap.resultsShown', itemId, shown, counts: { ...tallyMarks(m.marks) } });
    }
    case 'ecomap.mark':
      return decideMark(m, actor, itemId, cmd.payload);
    case 'ecomap.setScribe': {
      const { participantId } = cmd.payload;
      if (participantId !== null && !participantById(s, participantId)) return fail('not_found', 'That participant is not in this session.');
      if (participantId === m.scribeId) return fail('conflict', participantId === null ? 'There is no scribe to take off.' : 'That participant is the scribe already.');
      return one({ type: 'ecomap.scribeSet', itemId, participantId });
    }
    case 'ecomap.plan': {
      const { partnerId, how, who, when } = cmd.payload;
      if (actor.role !== 'facilitator' && (actor.role !== 'participant' || actor.participantId !== m.scribeId)) return fail('forbidden', ONLY_SCRIBE);
      if (!dictGet(m.partners, partnerId)) return fail('not_found', NO_SUCH_PARTNER);
      return one({ type: 'ecomap.planSet', itemId, row: { partnerId, how, who, when } });
    }
    // Stryker disable next-line all: unreachable, every command type has its case (the compiler checks)
    default: {
      const never: never = cmd;
      return never;
    }
  }
}

type MarkPayload = Extract<EcoMapCommand, { type: 'ecomap.mark' }>['payload'];

/** One participant's mark on one partner: set, changed or withdrawn while the vote is open. */
function decideMark(m: EcoMapState, actor: Actor, itemId: string, { partnerId, mark }: MarkPayload): Decision {
  if (actor.role !== 'participant') return fail('forbidden', 'Marks are placed from a phone.');
  if (!dictGet(m.partners, partnerId)) return fail('not_found', NO_SUCH_PARTNER);
  if (m.vote === 'setup') return fail('conflict', 'The vote has not opened yet.');
  if (m.vote === 'closed') return fail('conflict', 'The vote had closed before your mark arrived, so it was not counted.');
  const me = actor.participantId;
  const before = dictGet(dictGet(m.marks, me), partnerId);
  if (mark === null && before === undefined) return fail('conflict', 'You have no mark on that partner to withdraw.');
  if (mark !== null && mark === before) return fail('conflict', `That partner has your ${MARK_LABELS[mark].name.toLowerCase()} mark already.`);
  const marks = withMark(m.marks, me, partnerId, mark);
  return ok({
    type: 'ecomap.marked',
    itemId,
    partnerId,
    participantId: me,
    mark,
    counts: countsOf(marks, partnerId),
    markers: markersOf(marks),
    shown: m.resultsShown,
  });
}

/**
 * Whether a participant's mark was refused only because the vote had closed (late input). Withdrawing a mark after
 * the vote changes nothing anyone chose, and a mark on a partner no longer on the map is refused as missing.
 */
export function closedMark(s: SessionState, input: EcoMapCommand, kinds: DecideContext['kinds']): ClosedStep | null {
  if (input.type !== 'ecomap.mark' || input.payload.mark === null) return null;
  const item = s.agenda.find((i) => i.id === input.payload.itemId);
  if (!item || !kinds.runs(item, ECOMAP)) return null;
  const m = ecoMapOf(s, item.id);
  if (m.vote !== 'closed' || !dictGet(m.partners, input.payload.partnerId)) return null;
  return { itemId: item.id, reason: 'The vote was over.' };
}

/** A participant the facilitator removes stops being the scribe of any eco-map (their marks stay, as dots do). */
export function scribeLeaving(s: SessionState, participantId: string): EventBody[] {
  return Object.entries(s.ecomaps ?? {})
    .filter(([, m]) => m.scribeId === participantId)
    .map(([itemId]) => ({ type: 'ecomap.scribeSet', itemId, participantId: null }));
}
