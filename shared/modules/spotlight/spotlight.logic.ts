import { fail } from '../../protocol/results.js';
import type { Decision } from '../../session/decide.js';
import type { DecideContext } from '../../session/module.js';
import { noteById } from '../../session/notes.js';
import type { SessionState } from '../../session/state.js';
import { dictHas } from '../../session/dict.js';
import { flowOf } from '../flow/flow.logic.js';
import { FLOW } from '../flow/flow.state.js';
import type { SpotlightCommand, SpotlightEvent, SpotlightTarget } from './spotlight.state.js';

/** Why this target cannot be spotlit, or null. Only what the room may see can go on the board. */
export function spotlightProblem(s: SessionState, t: SpotlightTarget, kinds: DecideContext['kinds']): string | null {
  const item = s.agenda.find((i) => i.id === t.itemId);
  if (!item) return 'There is no such agenda item in this session.';
  if (t.kind === 'group') {
    if (!kinds.runs(item, FLOW) || !dictHas(flowOf(s, item.id).groups, t.id)) return 'There is no such group in this agenda item.';
    return null;
  }
  const note = noteById(s, t.id);
  if (!note || note.itemId !== item.id) return 'There is no such note in this agenda item.';
  if (kinds.runs(item, FLOW) && flowOf(s, item.id).phase === 'brainstorm')
    return 'Notes are private until you reveal them: reveal first, then spotlight one.';
  return null;
}

export function decideSpotlight(s: SessionState, cmd: SpotlightCommand, ctx: DecideContext): Decision {
  if (cmd.type === 'spotlight.clear') {
    if (!s.boardDisplay?.target) return fail('conflict', 'Nothing is in the spotlight right now.');
    return { ok: true, events: [{ type: 'spotlight.cleared' }] };
  }
  if (cmd.type === 'spotlight.paging') {
    if ((s.boardDisplay?.pagingPaused ?? false) === cmd.payload.paused)
      return fail('conflict', cmd.payload.paused ? 'The board’s pages are already paused.' : 'The board’s pages already turn by themselves.');
    return { ok: true, events: [{ type: 'spotlight.pagingSet', paused: cmd.payload.paused }] };
  }
  const problem = spotlightProblem(s, cmd.payload.target, ctx.kinds);
  if (problem) return fail('not_found', problem);
  return { ok: true, events: [{ type: 'spotlight.shown', target: cmd.payload.target }] };
}

export function applySpotlight(s: SessionState, e: SpotlightEvent): SessionState {
  const { target: _old, ...display } = s.boardDisplay ?? {};
  if (e.type === 'spotlight.shown') return { ...s, boardDisplay: { ...display, target: { ...e.target } } };
  if (e.type === 'spotlight.cleared') return { ...s, boardDisplay: display };
  return { ...s, boardDisplay: { ...s.boardDisplay, pagingPaused: e.paused } };
}
