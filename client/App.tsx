import { lazy, Suspense, useMemo } from 'react';
import { parseRoute, usePathname } from './router.js';
import { SessionNotice } from './components/SessionNotice.js';

// Each screen is its own chunk: a phone on venue Wi-Fi downloads the phone view, not the console and the board.
const LandingView = lazy(() => import('./views/landing/LandingView.js').then((m) => ({ default: m.LandingView })));
const FacilitatorView = lazy(() => import('./views/facilitator/FacilitatorView.js').then((m) => ({ default: m.FacilitatorView })));
const ParticipantView = lazy(() => import('./views/participant/ParticipantView.js').then((m) => ({ default: m.ParticipantView })));
const ReplayView = lazy(() => import('./views/replay/ReplayView.js').then((m) => ({ default: m.ReplayView })));
const BoardView = lazy(() => import('./views/board/BoardView.js').then((m) => ({ default: m.BoardView })));

export function App() {
  const pathname = usePathname();
  const route = useMemo(() => parseRoute(pathname), [pathname]);
  return (
    <Suspense fallback={<p className="page">Loading…</p>}>
      <SessionNotice>{screen(route)}</SessionNotice>
    </Suspense>
  );
}

function screen(route: ReturnType<typeof parseRoute>) {
  switch (route.view) {
    case 'landing':
      return <LandingView />;
    case 'facilitate':
      return <FacilitatorView sessionId={route.sessionId} />;
    case 'join':
      return <ParticipantView code={route.code} />;
    case 'board':
      return <BoardView code={route.code} />;
    case 'replay':
      return <ReplayView sessionId={route.sessionId} />;
    case 'notFound':
      return (
        <main className="page">
          <h1>Page not found</h1>
          <p>
            There is nothing at <code>{route.path}</code>. <a href="/">Go to the start page</a>.
          </p>
        </main>
      );
  }
}
