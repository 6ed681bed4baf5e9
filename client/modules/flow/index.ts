import { dictGet } from '../../../shared/session/dict.js';
import { flowOf } from '../../../shared/modules/flow/flow.state.js';
import { noteById } from '../../../shared/session/notes.js';
import type { ModuleScreens } from '../types.js';
import { lazyScreen } from '../lazyScreen.js';

/** The brainstorm flow's screens, which the SWOT and vision screens draw with their own decor. */
export const flowScreens: ModuleScreens = {
  name: 'flow',
  Console: lazyScreen(() => import('./FlowConsole.js').then((m) => m.FlowConsole)),
  Phone: lazyScreen(() => import('./FlowPhone.js').then((m) => m.FlowPhone)),
  Board: lazyScreen(() => import('./FlowBoard.js').then((m) => m.FlowBoard)),
  acceptLate: { 'flow.dot': 'Count dot' },
  describeLate(state, input) {
    if (input.type !== 'flow.dot') return null;
    const { target, itemId } = input.payload;
    const group = dictGet(flowOf(state, itemId).groups, target.id);
    const label = target.kind === 'note' ? noteById(state, target.id)?.text : group?.name || 'a group';
    return `A dot on: ${label ?? 'a note that is gone'}`;
  },
};
