import { lazyScreen } from '../lazyScreen.js';
import type { ModuleScreens } from '../types.js';

// The work groups' screens come in one chunk (screens.ts), loaded when a themes or work-group item is first drawn.
const screens = () => import('./screens.js');

/** The PIP themes: set on the console, shown on the phones and the board. */
export const themesScreens: ModuleScreens = {
  name: 'workgroup',
  kind: 'themes',
  Console: lazyScreen(() => screens().then((m) => m.ThemesConsole)),
  Phone: lazyScreen(() => screens().then((m) => m.ThemesPhone)),
  Board: lazyScreen(() => screens().then((m) => m.ThemesBoard)),
};

/** The theme work groups: every group on the console, a member's group on the phone, the room or one group on the board. */
export const workgroupsScreens: ModuleScreens = {
  name: 'workgroup',
  kind: 'workgroups',
  Console: lazyScreen(() => screens().then((m) => m.WorkgroupsConsole)),
  Phone: lazyScreen(() => screens().then((m) => m.WorkgroupsPhone)),
  Board: lazyScreen(() => screens().then((m) => m.WorkgroupsBoard)),
};
