import { lazyScreen } from '../lazyScreen.js';
import type { ModuleScreens } from '../types.js';

// The survey's screens come in one chunk (screens.ts), loaded when a values item is first drawn.
const screens = () => import('./screens.js');

/** The core-values survey: values and proposals on the console, rating on the phones, counts then results on the board. */
export const valuesScreens: ModuleScreens = {
  name: 'values',
  kind: 'values',
  Console: lazyScreen(() => screens().then((m) => m.ValuesConsole)),
  Phone: lazyScreen(() => screens().then((m) => m.ValuesPhone)),
  Board: lazyScreen(() => screens().then((m) => m.ValuesBoard)),
  ReportPreview: lazyScreen(() => screens().then((m) => m.ValuesReportPreview)),
};
