import type { ModuleScreens } from '../types.js';
import { SwotBoard } from './SwotBoard.js';
import { SwotConsole } from './SwotConsole.js';
import { SwotPhone } from './SwotPhone.js';

export const swotScreens: ModuleScreens = { name: 'swot', kind: 'swot', Console: SwotConsole, Phone: SwotPhone, Board: SwotBoard };
