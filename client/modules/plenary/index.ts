import type { ModuleScreens } from '../types.js';
import { NextStepsBoard, NextStepsConsole, NextStepsPhone } from './NextStepsScreens.js';
import { ReportOutBoard, ReportOutConsole, ReportOutPhone } from './ReportOutScreens.js';
import { SynthesisBoard, SynthesisConsole, SynthesisPhone } from './SynthesisScreens.js';
import './plenary.css';

/** The large group's screens: report-out mode, the synthesis, next steps (shared/modules/plenary). */
export const reportOutScreens: ModuleScreens = { name: 'plenary', kind: 'reportout', Console: ReportOutConsole, Phone: ReportOutPhone, Board: ReportOutBoard };
export const synthesisScreens: ModuleScreens = { name: 'plenary', kind: 'synthesis', Console: SynthesisConsole, Phone: SynthesisPhone, Board: SynthesisBoard };
export const nextStepsScreens: ModuleScreens = { name: 'plenary', kind: 'nextsteps', Console: NextStepsConsole, Phone: NextStepsPhone, Board: NextStepsBoard };
