import { useSyncExternalStore } from 'react';

export type Route =
  | { view: 'landing' }
  | { view: 'facilitate'; sessionId: string }
  | { view: 'join'; code: string | null }
  | { view: 'board'; code: string }
  | { view: 'replay'; sessionId: string }
  | { view: 'notFound'; path: string };

/** Maps a location pathname to a view. No router library: four routes do not need one. */
export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const [head, arg, ...rest] = parts;
  if (!head) return { view: 'landing' };
  if (rest.length === 0) {
    if (head === 'facilitate' && arg) return { view: 'facilitate', sessionId: arg };
    if (head === 'join') return { view: 'join', code: arg ? arg.toUpperCase() : null };
    if (head === 'board' && arg) return { view: 'board', code: arg.toUpperCase() };
    if (head === 'replay' && arg) return { view: 'replay', sessionId: arg };
  }
  return { view: 'notFound', path: pathname };
}

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((fn) => fn());
if (typeof window !== 'undefined') window.addEventListener('popstate', notify);

/** Goes to an in-app address (path plus optional hash) without reloading the page. */
export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  notify();
}

const subscribe = (fn: () => void) => {
  listeners.add(fn);
  return () => void listeners.delete(fn);
};

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}
