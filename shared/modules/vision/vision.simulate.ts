import type { CommandBody } from '../../protocol/commands.js';
import { dictGet } from '../../session/dict.js';
import type { RehearsalHooks } from '../../session/module.js';
import type { AgendaItem, SessionState } from '../../session/state.js';
import type { Rng } from '../../rehearsal/rng.js';
import { itemNotes } from '../../rehearsal/room.js';
import { flowOf } from '../flow/flow.state.js';
import { CROSSWALK_RATINGS, OUTCOME_IDS } from './cfsr.js';
import { CROSSWALK } from './vision.context.js';
import { currentRound, visionOf } from './vision.logic.js';
import { VISION } from './vision.state.js';

/** A simulated participant answers the open fist-to-five once, and rates every CFSR outcome in an open crosswalk. */
export function simulateVision(s: SessionState, item: AgendaItem, participantId: string, rng: Rng): CommandBody | null {
  const v = visionOf(s, item.id);
  if (item.moduleType === CROSSWALK) {
    if (!v.crosswalk.open) return null;
    const mine = dictGet(v.crosswalk.ratings, participantId) ?? {};
    const outcomeId = OUTCOME_IDS.find((o) => mine[o] === undefined);
    return outcomeId ? { type: 'vision.rate', payload: { itemId: item.id, outcomeId, rating: rng.pick(CROSSWALK_RATINGS) } } : null;
  }
  const round = currentRound(v);
  if (item.moduleType !== VISION || !round || round.closed || v.final || dictGet(round.answers, participantId) !== undefined) return null;
  return { type: 'vision.fist', payload: { itemId: item.id, value: 3 + rng.int(3) } };
}

/**
 * The facilitator's steps: the crosswalk opens, then closes once the room has rated. The preferred future waits for
 * the brainstorm flow's results, then a draft from the room's phrases, one fist-to-five round, and the final statement.
 */
export function driveVision(s: SessionState, item: AgendaItem): CommandBody | null {
  const v = visionOf(s, item.id);
  if (item.moduleType === CROSSWALK) {
    if (v.crosswalk.open) return { type: 'vision.openCrosswalk', payload: { itemId: item.id, open: false } };
    return Object.keys(v.crosswalk.ratings).length === 0 ? { type: 'vision.openCrosswalk', payload: { itemId: item.id, open: true } } : null;
  }
  if (item.moduleType !== VISION || v.final || flowOf(s, item.id).phase !== 'results') return null;
  const round = currentRound(v);
  if (!v.draft.trim()) {
    const phrases = itemNotes(s, item.id).slice(0, 3).map((n) => n.text);
    return { type: 'vision.draft', payload: { itemId: item.id, text: phrases.length ? phrases.join('; ') : item.prompt || item.title } };
  }
  if (!round) return { type: 'vision.askFist', payload: { itemId: item.id } };
  if (!round.closed) return { type: 'vision.closeFist', payload: { itemId: item.id } };
  return { type: 'vision.finalize', payload: { itemId: item.id } };
}

export const visionRehearsal: RehearsalHooks = { simulate: simulateVision, drive: driveVision };
