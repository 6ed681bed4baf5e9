import type { ModuleScreens } from '../types.js';
import { ThemesConsole } from './ThemesConsole.js';
import { ThemesBoard, ThemesPhone } from './ThemesDisplay.js';
import { WorkgroupsBoard } from './WorkgroupsBoard.js';
import { WorkgroupsConsole } from './WorkgroupsConsole.js';
import { WorkgroupsPhone } from './WorkgroupsPhone.js';
import './workgroup.css';

/** The PIP themes: set on the console, shown on the phones and the board. */
export const themesScreens: ModuleScreens = { name: 'workgroup', kind: 'themes', Console: ThemesConsole, Phone: ThemesPhone, Board: ThemesBoard };

/** The theme work groups: every group on the console, a member's group on the phone, the room or one group on the board. */
export const workgroupsScreens: ModuleScreens = { name: 'workgroup', kind: 'workgroups', Console: WorkgroupsConsole, Phone: WorkgroupsPhone, Board: WorkgroupsBoard };
