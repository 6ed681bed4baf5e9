import { lazyScreen } from '../lazyScreen.js';
import type { ModuleScreens } from '../types.js';

type Screens = typeof import('./screens.js');
/** One of the large group's screens, loaded when first drawn (all of them in one chunk, see screens.ts). */
const later = (name: keyof Screens) => lazyScreen(() => import('./screens.js').then((m) => m[name]));

/** The large group's screens: report-out mode, the synthesis, next steps (shared/modules/plenary). */
export const reportOutScreens: ModuleScreens = { name: 'plenary', kind: 'reportout', Console: later('ReportOutConsole'), Phone: later('ReportOutPhone'), Board: later('ReportOutBoard') };
export const synthesisScreens: ModuleScreens = { name: 'plenary', kind: 'synthesis', Console: later('SynthesisConsole'), Phone: later('SynthesisPhone'), Board: later('SynthesisBoard') };
export const nextStepsScreens: ModuleScreens = { name: 'plenary', kind: 'nextsteps', Console: later('NextStepsConsole'), Phone: later('NextStepsPhone'), Board: later('NextStepsBoard') };
