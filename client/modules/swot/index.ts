import { lazyScreen } from '../lazyScreen.js';
import type { ModuleScreens } from '../types.js';

export const swotScreens: ModuleScreens = {
  name: 'swot',
  kind: 'swot',
  Console: lazyScreen(() => import('./SwotConsole.js').then((m) => m.SwotConsole)),
  Phone: lazyScreen(() => import('./SwotPhone.js').then((m) => m.SwotPhone)),
  Board: lazyScreen(() => import('./SwotBoard.js').then((m) => m.SwotBoard)),
};
