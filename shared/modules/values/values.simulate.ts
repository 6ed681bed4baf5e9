import type { CommandBody } from '../../protocol/commands.js';
import type { RehearsalHooks } from '../../session/module.js';
import type { AgendaItem, SessionState } from '../../session/state.js';
import { phrase } from '../../rehearsal/phrases.js';
import type { Rng } from '../../rehearsal/rng.js';
import { SCALE_MAX, SCALE_MIN, STARTER_VALUES, surveyOf, type ValuesSurvey } from './values.state.js';

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();
const named = (v: ValuesSurvey, name: string) => v.order.map((id) => v.values[id]).find((c) => c && same(c.name, name));

/**
 * A simulated participant proposes one value of the starter list the survey lacks while it is set up, then rates
 * every value on both scales once it opens (their phone holds their own ballot only).
 */
export function simulateValues(s: SessionState, item: AgendaItem, participantId: string, rng: Rng): CommandBody | null {
  if (item.moduleType !== 'values') return null;
  const v = surveyOf(s, item.id);
  if (v.phase === 'setup') {
    if (Object.values(v.proposals).some((p) => p.authorId === participantId)) return null;
    const missing = STARTER_VALUES.filter((x) => !named(v, x.name) && !Object.values(v.proposals).some((p) => same(p.text, x.name)));
    return missing.length ? { type: 'values.propose', payload: { itemId: item.id, text: rng.pick(missing).name } } : null;
  }
  if (v.phase !== 'open') return null;
  const ballot = Object.values(v.ballots)[0] ?? {};
  for (const valueId of v.order) {
    const r = ballot[valueId];
    const scale = !r || r.importance === null ? 'importance' : r.practice === null ? 'practice' : null;
    if (scale) return { type: 'values.rate', payload: { itemId: item.id, valueId, scale, score: SCALE_MIN + rng.int(SCALE_MAX - SCALE_MIN + 1) } };
  }
  return null;
}

/**
 * The facilitator's steps: the starter list, the room's proposals accepted (or merged into a value of that name), the
 * survey opened, closed, its results shown, then one action to cultivate the first value.
 */
export function driveValues(s: SessionState, item: AgendaItem, rng: Rng): CommandBody | null {
  if (item.moduleType !== 'values') return null;
  const v = surveyOf(s, item.id);
  const itemId = item.id;
  if (v.phase === 'setup') {
    if (v.order.length === 0) {
      const values = item.starter?.length ? item.starter.map((name) => ({ name })) : STARTER_VALUES.map((x) => ({ ...x }));
      return { type: 'values.addValues', payload: { itemId, values } };
    }
    const waiting = Object.values(v.proposals).find((p) => p.status === 'waiting');
    if (waiting) {
      const like = named(v, waiting.text);
      return like
        ? { type: 'values.mergeProposal', payload: { itemId, proposalId: waiting.id, intoId: like.id } }
        : { type: 'values.acceptProposal', payload: { itemId, proposalId: waiting.id } };
    }
    return { type: 'values.setPhase', payload: { itemId, phase: 'open' } };
  }
  if (v.phase === 'open') return { type: 'values.setPhase', payload: { itemId, phase: 'closed' } };
  if (!v.resultsShown) return { type: 'values.showResults', payload: { itemId, shown: true } };
  const first = v.order[0];
  if (first && Object.keys(v.actions).length === 0)
    return { type: 'values.setAction', payload: { itemId, valueId: first, what: phrase(rng, item.prompt), owner: '', byWhen: '' } };
  return null;
}

export const valuesRehearsal: RehearsalHooks = { simulate: simulateValues, drive: driveValues };
