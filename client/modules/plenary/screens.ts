/** Every screen of the large group, in one chunk loaded on demand (see index.tsx). */
import './plenary.css';

export { NextStepsBoard, NextStepsConsole, NextStepsPhone } from './NextStepsScreens.js';
export { ReportOutBoard, ReportOutConsole, ReportOutPhone } from './ReportOutScreens.js';
export { SynthesisBoard, SynthesisConsole, SynthesisPhone } from './SynthesisScreens.js';
