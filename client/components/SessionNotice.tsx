import type { ReactNode } from 'react';
import { useSession } from '../store.js';
import { REMOVED } from '../../shared/modules/people/people.logic.js';

/**
 * Over every screen: a session deleted by its facilitator replaces the page with the reason; an ended one shows
 * a banner above its results.
 */
export function SessionNotice({ children }: { children: ReactNode }) {
  const closed = useSession((s) => s.closed);
  const ended = useSession((s) => s.state.endedAt !== undefined);
  if (closed)
    return (
      <main className="page">
        <h1>{closed === REMOVED ? 'You were removed from this session' : 'Session closed'}</h1>
        <p role="alert">{closed}</p>
        <p>
          <a href="/">Go to the start page</a>
        </p>
      </main>
    );
  return (
    <>
      {ended && (
        <p role="status" className="ended-banner">
          This session has ended. The results stay here to read; nothing can change any more.
        </p>
      )}
      {children}
    </>
  );
}
