import type { ModuleType } from '../../shared/modules/registry.js';
import type { ModuleScreens } from './types.js';
import { SwotConsole } from './swot/SwotConsole.js';
import { SwotPhone } from './swot/SwotPhone.js';
import { SwotBoard } from './swot/SwotBoard.js';
import { VisionConsole } from './vision/VisionConsole.js';
import { VisionPhone } from './vision/VisionPhone.js';
import { VisionBoard } from './vision/VisionBoard.js';
import './modules.css';

/**
 * The screens of the modules that have their own UI. A view asks `screensOf(item.moduleType)` and draws the
 * module's Console, Phone or Board; types without an entry get the generic note board.
 */
export const MODULE_SCREENS: Partial<Record<ModuleType, ModuleScreens>> = {
  swot: { Console: SwotConsole, Phone: SwotPhone, Board: SwotBoard },
  vision: { Console: VisionConsole, Phone: VisionPhone, Board: VisionBoard },
};

export const screensOf = (type: ModuleType): ModuleScreens | undefined => MODULE_SCREENS[type];
