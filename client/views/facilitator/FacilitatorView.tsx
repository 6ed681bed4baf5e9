import { useEffect, useState } from 'react';
import { joinSession, useSession } from '../../store.js';
import { ConnectionStatus } from '../../components/ConnectionStatus.js';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { UndoDeletes } from './UndoDeletes.js';
import { AgendaPanel } from './AgendaPanel.js';
import { CurrentItemPanel } from './CurrentItemPanel.js';
import { JoinInfo } from './JoinInfo.js';
import { PresenceList } from './PresenceList.js';
import { SessionLifecycle } from './SessionLifecycle.js';
import { ExportMenu } from './ExportMenu.js';
import { ShareReport } from './ShareReport.js';

const keyFromHash = (): string | null => new URLSearchParams(window.location.hash.slice(1)).get('key');

/** The facilitator's console: agenda, timer, the current item's board, who is here. */
export function FacilitatorView({ sessionId }: { sessionId: string }) {
  const [key] = useState(keyFromHash);
  const [joinError, setJoinError] = useState<string | null>(null);
  const joined = useSession((s) => s.role === 'facilitator');
  const title = useSession((s) => s.state.title);

  useEffect(() => {
    if (!key) return;
    let live = true;
    void joinSession({ role: 'facilitator', sessionId, facilitatorKey: key }).then((res) => {
      if (live) setJoinError(res.ok ? null : res.error.message);
    });
    return () => {
      live = false;
    };
  }, [sessionId, key]);

  useEffect(() => {
    document.title = title ? `${title} · Facilitator` : 'Facilitator console';
  }, [title]);

  if (!key)
    return (
      <main className="page">
        <h1>Facilitator link incomplete</h1>
        <p role="alert">
          This link is missing its facilitator key (the part after <code>#key=</code>). Open the full link you got when
          you created the session.
        </p>
      </main>
    );

  return (
    <div className="console">
      <header className="console-header">
        <h1>{title || 'Facilitator console'}</h1>
        <ConnectionStatus />
      </header>
      {joinError && (
        <p role="alert" className="error-banner">
          Could not open the session: {joinError}
        </p>
      )}
      <ErrorBanner />
      <UndoDeletes />
      {joined ? (
        <div className="console-grid">
          <AgendaPanel />
          <CurrentItemPanel />
          <aside className="console-side stack">
            <JoinInfo />
            <PresenceList />
            <ExportMenu />
            <ShareReport />
            <SessionLifecycle />
          </aside>
        </div>
      ) : (
        !joinError && <p className="muted console-loading">Opening the session…</p>
      )}
    </div>
  );
}
