import { lazy, Suspense, useEffect, type FC } from 'react';
import type { ModuleScreenProps } from './types.js';

/** Once a screen arrived, the board measures its fit again (useBoardPages measures on a resize, or a new state). */
function Arrived() {
  useEffect(() => void window.dispatchEvent(new Event('resize')), []);
  return null;
}

/**
 * A module screen loaded when it is first drawn, not with the page: a phone on venue Wi-Fi downloads the screens of
 * the items it meets, never the console's or the board's, and the first load stays within its budget however many
 * modules exist (tests/e2e/assets.e2e.test.ts).
 */
export function lazyScreen(load: () => Promise<FC<ModuleScreenProps>>): FC<ModuleScreenProps> {
  const Lazy = lazy(() => load().then((screen) => ({ default: screen })));
  return function ModuleScreen(props: ModuleScreenProps) {
    return (
      <Suspense fallback={<p className="muted" role="status">Loading…</p>}>
        <Lazy {...props} />
        <Arrived />
      </Suspense>
    );
  };
}
