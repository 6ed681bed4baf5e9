/** Every screen of the core-values survey, in one chunk loaded on first use (the phone's first load stays small). */
import '../workgroup/workgroup.css';
import './values.css';

export { ValuesConsole } from './ValuesConsole.js';
export { ValuesPhone } from './ValuesPhone.js';
export { ValuesBoard } from './ValuesBoard.js';
export { ValuesReportPreview } from './ValuesReportPreview.js';
