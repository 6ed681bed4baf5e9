import { lazy, Suspense, useEffect, type FC } from 'react';
import type { ModuleScreenProps, ModuleScreens } from '../types.js';

type Screens = typeof import('./screens.js');

/** Once a screen arrived, the board measures its fit again (useBoardPages measures on a resize, or a new state). */
function Arrived() {
  useEffect(() => void window.dispatchEvent(new Event('resize')), []);
  return null;
}

/**
 * One screen, loaded with the others on first use: a phone that never reaches the work groups never downloads them
 * (the phone's first load has a budget, see tests/e2e/assets.e2e.test.ts).
 */
function later(pick: (m: Screens) => FC<ModuleScreenProps>): FC<ModuleScreenProps> {
  const Lazy = lazy(async () => ({ default: pick(await import('./screens.js')) }));
  return function LaterScreen(props: ModuleScreenProps) {
    return (
      <Suspense fallback={<p className="muted">Loading…</p>}>
        <Lazy {...props} />
        <Arrived />
      </Suspense>
    );
  };
}

/** The PIP themes: set on the console, shown on the phones and the board. */
export const themesScreens: ModuleScreens = {
  name: 'workgroup',
  kind: 'themes',
  Console: later((m) => m.ThemesConsole),
  Phone: later((m) => m.ThemesPhone),
  Board: later((m) => m.ThemesBoard),
};

/** The theme work groups: every group on the console, a member's group on the phone, the room or one group on the board. */
export const workgroupsScreens: ModuleScreens = {
  name: 'workgroup',
  kind: 'workgroups',
  Console: later((m) => m.WorkgroupsConsole),
  Phone: later((m) => m.WorkgroupsPhone),
  Board: later((m) => m.WorkgroupsBoard),
};
