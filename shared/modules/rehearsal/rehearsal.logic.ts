import { fail } from '../../protocol/results.js';
import type { Decision } from '../../session/decide.js';
import type { SessionState } from '../../session/state.js';
import { MAX_PACE, SAY_PACE, type RehearsalCommand, type RehearsalEvent, type RehearsalPace } from './rehearsal.state.js';

/** The pace a rehearsal runs at before its facilitator sets one (the landing page's default). */
export const DEFAULT_PACE = 6;

/** The rehearsal's pace and pause as last set, or the defaults (running at the default pace). */
export const paceOf = (s: SessionState): RehearsalPace => s.rehearsalPace ?? { pace: DEFAULT_PACE, paused: false };

export function decideRehearsal(s: SessionState, cmd: RehearsalCommand): Decision {
  if (!s.rehearsal) return fail('conflict', SAY_PACE.notRehearsal);
  const now = paceOf(s);
  return { ok: true, events: [{ type: 'rehearsal.paced', pace: cmd.payload.pace ?? now.pace, paused: cmd.payload.paused ?? now.paused }] };
}

/** Trusts the stored event, but keeps a pace from an odd log within the cap (a timer of 0 ms would spin). */
export function applyRehearsal(s: SessionState, e: RehearsalEvent): SessionState {
  const pace = Number.isInteger(e.pace) ? Math.min(MAX_PACE, Math.max(1, e.pace)) : DEFAULT_PACE;
  return { ...s, rehearsalPace: { pace, paused: e.paused === true } };
}
