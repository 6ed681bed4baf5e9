import type { Command } from '../protocol/commands.js';
import { fail } from '../protocol/results.js';
import type { Decision } from '../session/decide.js';
import type { SessionEvent } from '../session/events.js';
import type { Actor } from '../session/permissions.js';
import type { SessionState } from '../session/state.js';
import { applyFlow, decideFlow } from './flow/flow.logic.js';
import { applySwot, decideSwot } from './swot/swot.logic.js';
import { applyVision, decideVision } from './vision/vision.logic.js';
import { applyLate } from './late/late.logic.js';

/**
 * The modules' logic, found by the prefix of a command or event type ("flow.", "swot.", "vision."): a new module
 * adds its folder and one line in each of the two functions below.
 */
type Prefixed<U extends { type: string }, P extends string> = Extract<U, { type: `${P}.${string}` }>;
const has =
  <P extends string>(prefix: P) =>
  <U extends { type: string }>(x: U): x is Prefixed<U, P> =>
    x.type.startsWith(`${prefix}.`);
const isFlow = has('flow');
const isSwot = has('swot');
const isVision = has('vision');
const isLate = has('late');

export function decideModule(state: SessionState, actor: Actor, cmd: Command, newId: () => string): Decision {
  if (isFlow(cmd)) return decideFlow(state, actor, cmd, newId);
  if (isSwot(cmd)) return decideSwot(state, cmd, newId);
  // Stryker disable next-line ConditionalExpression: the command schema lets through no other prefix
  if (isVision(cmd)) return decideVision(state, actor, cmd, newId);
  // Stryker disable next-line all: unreachable for a validated command (kept for the compiler)
  return fail('invalid', 'Unknown command.');
}

export function applyModule(state: SessionState, e: SessionEvent): SessionState {
  if (isFlow(e)) return applyFlow(state, e);
  if (isSwot(e)) return applySwot(state, e);
  if (isVision(e)) return applyVision(state, e);
  if (isLate(e)) return applyLate(state, e);
  return state;
}
