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
import { SaveTemplatePanel } from './SaveTemplatePanel.js';
import { ShareReport } from './ShareReport.js';
import { CarryPanel } from '../../modules/carry/CarryPanel.js';
import { AgendaSideList } from './AgendaSideList.js';
import { RehearsalBanner } from '../../components/RehearsalBanner.js';
import { RehearsalControls } from '../rehearsal/RehearsalControls.js';
import { RehearseAgenda } from '../rehearsal/RehearseAgenda.js';
import { ReplayButton } from '../replay/ReplayButton.js';

const keyFromHash = (): string | null => new URLSearchParams(window.location.hash.slice(1)).get('key');
const AGENDA_OPEN = 'console.agendaOpen';

/** Whether the full agenda (retime, reorder, add) is open instead of the side list; remembered on this browser. */
function useAgendaOpen(): [boolean, (open: boolean) => void] {
  const [open, setOpen] = useState(() => localStorage.getItem(AGENDA_OPEN) === '1');
  return [
    open,
    (next) => {
      localStorage.setItem(AGENDA_OPEN, next ? '1' : '0');
      setOpen(next);
    },
  ];
}

/** The facilitator's console: agenda, timer, the current item's board, who is here. */
export function FacilitatorView({ sessionId }: { sessionId: string }) {
  const [key] = useState(keyFromHash);
  const [joinError, setJoinError] = useState<string | null>(null);
  const joined = useSession((s) => s.role === 'facilitator');
  const title = useSession((s) => s.state.title);
  const [agendaOpen, setAgendaOpen] = useAgendaOpen();

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
      <a className="skip-link" href="#current-item">
        Skip to the current item
      </a>
      <header className="console-header">
        <h1>{title || 'Facilitator console'}</h1>
        <ReplayButton sessionId={sessionId} facilitatorKey={key} />
        <ConnectionStatus />
      </header>
      <RehearsalBanner />
      {joinError && (
        <p role="alert" className="error-banner">
          Could not open the session: {joinError}
        </p>
      )}
      <ErrorBanner />
      <UndoDeletes />
      {joined ? (
        <div className={`console-grid${agendaOpen ? ' console-grid--agenda' : ''}`}>
          {agendaOpen ? <AgendaPanel onCollapse={() => setAgendaOpen(false)} /> : <AgendaSideList onExpand={() => setAgendaOpen(true)} />}
          <CurrentItemPanel />
          <aside className="console-side stack" aria-label="Session">
            <JoinInfo />
            <RehearsalControls sessionId={sessionId} facilitatorKey={key} />
            <PresenceList />
            <ExportMenu />
            <SaveTemplatePanel sessionId={sessionId} facilitatorKey={key} />
            <ShareReport />
            <CarryPanel facilitatorKey={key} />
            <RehearseAgenda sessionId={sessionId} facilitatorKey={key} />
            <SessionLifecycle />
          </aside>
        </div>
      ) : (
        !joinError && <p className="muted console-loading">Opening the session…</p>
      )}
    </div>
  );
}
