import { lazy, Suspense, type FC } from 'react';
import type { ModuleScreenProps } from './types.js';

/**
 * A module screen loaded when it is first drawn, not with the page: a phone on venue Wi-Fi downloads the screens of
 * the items it meets, never the console's or the board's, and the first load stays small however many modules exist.
 */
export function lazyScreen(load: () => Promise<FC<ModuleScreenProps>>): FC<ModuleScreenProps> {
  const Lazy = lazy(() => load().then((screen) => ({ default: screen })));
  return function ModuleScreen(props: ModuleScreenProps) {
    return (
      <Suspense fallback={<p className="muted" role="status">Loading…</p>}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}
