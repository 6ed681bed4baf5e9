import { CFSR_OUTCOMES, CROSSWALK_LABELS } from '../../../shared/modules/vision/cfsr.js';
import type { ModuleScreens } from '../types.js';
import { VisionBoard } from './VisionBoard.js';
import { VisionConsole } from './VisionConsole.js';
import { VisionPhone } from './VisionPhone.js';
import { CrosswalkBoard, CrosswalkConsole, CrosswalkPhone } from './CrosswalkScreens.js';

const late: Pick<ModuleScreens, 'acceptLate' | 'describeLate'> = {
  acceptLate: { 'vision.fist': 'Count answer', 'vision.rate': 'Count rating' },
  describeLate: (_state, input) => {
    if (input.type === 'vision.fist') return `Fist-to-five: ${input.payload.value}`;
    if (input.type !== 'vision.rate') return null;
    const outcome = CFSR_OUTCOMES.find((o) => o.id === input.payload.outcomeId);
    return `Crosswalk ${input.payload.outcomeId} (${outcome?.area ?? ''}): ${CROSSWALK_LABELS[input.payload.rating]}`;
  },
};

export const visionScreens: ModuleScreens = { name: 'vision', kind: 'vision', Console: VisionConsole, Phone: VisionPhone, Board: VisionBoard, ...late };

/** The CFSR crosswalk on its own agenda item (the vision module's second kind). */
export const crosswalkScreens: ModuleScreens = { name: 'vision', kind: 'crosswalk', Console: CrosswalkConsole, Phone: CrosswalkPhone, Board: CrosswalkBoard };
