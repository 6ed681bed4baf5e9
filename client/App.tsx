import { useMemo } from 'react';
import { parseRoute, usePathname } from './router.js';
import { LandingView } from './views/landing/LandingView.js';
import { FacilitatorView } from './views/facilitator/FacilitatorView.js';
import { ParticipantView } from './views/participant/ParticipantView.js';
import { BoardView } from './views/board/BoardView.js';

export function App() {
  const pathname = usePathname();
  const route = useMemo(() => parseRoute(pathname), [pathname]);
  switch (route.view) {
    case 'landing':
      return <LandingView />;
    case 'facilitate':
      return <FacilitatorView sessionId={route.sessionId} />;
    case 'join':
      return <ParticipantView code={route.code} />;
    case 'board':
      return <BoardView code={route.code} />;
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
