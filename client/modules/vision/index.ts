import { CFSR_OUTCOMES, CROSSWALK_LABELS } from '../../../shared/modules/vision/cfsr.js';
import type { ModuleScreens } from '../types.js';
import { lazyScreen } from '../lazyScreen.js';

const late: Pick<ModuleScreens, 'acceptLate' | 'describeLate'> = {
  acceptLate: { 'vision.fist': 'Count answer', 'vision.rate': 'Count rating' },
  describeLate: (_state, input) => {
    if (input.type === 'vision.fist') return `Fist-to-five: ${input.payload.value}`;
    if (input.type !== 'vision.rate') return null;
    const outcome = CFSR_OUTCOMES.find((o) => o.id === input.payload.outcomeId);
    return `Crosswalk ${input.payload.outcomeId} (${outcome?.area ?? ''}): ${CROSSWALK_LABELS[input.payload.rating]}`;
  },
};

export const visionScreens: ModuleScreens = {
  name: 'vision',
  kind: 'vision',
  Console: lazyScreen(() => import('./VisionConsole.js').then((m) => m.VisionConsole)),
  Phone: lazyScreen(() => import('./VisionPhone.js').then((m) => m.VisionPhone)),
  Board: lazyScreen(() => import('./VisionBoard.js').then((m) => m.VisionBoard)),
  ...late,
};

/** The CFSR crosswalk on its own agenda item (the vision module's second kind). */
export const crosswalkScreens: ModuleScreens = {
  name: 'vision',
  kind: 'crosswalk',
  Console: lazyScreen(() => import('./CrosswalkScreens.js').then((m) => m.CrosswalkConsole)),
  Phone: lazyScreen(() => import('./CrosswalkScreens.js').then((m) => m.CrosswalkPhone)),
  Board: lazyScreen(() => import('./CrosswalkScreens.js').then((m) => m.CrosswalkBoard)),
};
