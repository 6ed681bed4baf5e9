/** Every screen of the work groups, in one chunk loaded on first use (the phone's first load stays small). */
import './workgroup.css';

export { ThemesConsole } from './ThemesConsole.js';
export { ThemesBoard, ThemesPhone } from './ThemesDisplay.js';
export { WorkgroupsBoard } from './WorkgroupsBoard.js';
export { WorkgroupsConsole } from './WorkgroupsConsole.js';
export { WorkgroupsPhone } from './WorkgroupsPhone.js';
