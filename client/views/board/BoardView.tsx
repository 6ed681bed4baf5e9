import { allParticipants } from '../../../shared/session/notes.js';
import { useEffect, useRef, useState } from 'react';
import { kindOf } from '../../../shared/modules/registry.js';
import { joinSession, serverNow, useSession } from '../../store.js';
import { TimerDisplay } from '../../components/TimerDisplay.js';
import { RehearsalBanner } from '../../components/RehearsalBanner.js';
import { JoinQr } from './JoinQr.js';
import { SharedReportQr } from './SharedReportQr.js';
import { BoardNotes } from './BoardNotes.js';
import { screensOf } from '../../modules/registry.js';
import { CarriedList } from '../../modules/carry/CarriedList.js';
import { ItemContext } from '../../modules/vision/ItemContext.js';
import { takesCarried } from '../../../shared/modules/carry/carry.state.js';
import { beep, unlockAudio } from './beep.js';
import { useBoardPages } from './useBoardPages.js';
import { BoardSpotlight, useSpotlight } from '../../modules/spotlight/BoardSpotlight.js';

/** The projector: read-only, large type, the countdown and the join code always in view. */
export function BoardView({ code }: { code: string }) {
  const [joinError, setJoinError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void joinSession({ role: 'board', joinCode: code }).then((res) => {
      if (live) setJoinError(res.ok ? null : res.error.message);
    });
    return () => {
      live = false;
    };
  }, [code]);

  if (joinError)
    return (
      <main className="board board--message">
        <p role="alert">{joinError}</p>
      </main>
    );
  return <BoardScreen code={code} />;
}

/** The board as the session store holds it: what the projector shows live, and what a replay shows. */
export function BoardScreen({ code }: { code: string }) {
  const [soundOn, setSoundOn] = useState(false);
  const title = useSession((s) => s.state.title);
  const item = useSession((s) => s.state.agenda.find((i) => i.id === s.state.currentItemId));
  const timer = useSession((s) => s.state.timer);
  const participantCount = useSession((s) => allParticipants(s.state).length);
  const simulatedCount = useSession((s) => allParticipants(s.state).filter((p) => p.simulated).length);
  const connection = useSession((s) => s.connection);
  // A re-join refused for a while: the board stays as it was, and says why it is not live.
  const rejoining = useSession((s) => s.rejoining);
  const Module = item ? screensOf(item.moduleType)?.Board : undefined;
  const joinUrl = `${window.location.origin}/join/${code}`;
  const state = useSession((s) => s.state);
  const spotlight = useSpotlight(item);
  const paused = state.boardDisplay?.pagingPaused ?? false;
  const itemRef = useRef<HTMLElement>(null);
  const { page, pages } = useBoardPages(itemRef, state, paused);
  // Once people are in, the join panel gives its room to the item: a strip with the code stays in the header.
  const joinStrip = participantCount > 0;
  const timerView = <TimerDisplay timer={timer} now={serverNow} size={joinStrip ? 'medium' : 'big'} onTimeUp={beep} />;

  useEffect(() => {
    document.title = title ? `${title} · Board` : 'Board';
  }, [title]);

  return (
    <div className="board">
      <header className="board-header">
        <h1 className="board-session">{title || 'Connecting…'}</h1>
        <RehearsalBanner className="rehearsal-banner--board" />
        <div className="board-header-right">
          {joinStrip && (
            <span className="board-join-strip">
              Join: {window.location.host}/join{' '}
              <strong className="board-join-strip-code" data-testid="join-code">
                {code}
              </strong>
            </span>
          )}
          {joinStrip && timerView}
          {connection !== 'online' && <span className="board-offline">{connection === 'offline' ? 'Offline' : 'Connecting…'}</span>}
          {connection === 'online' && rejoining && <span className="board-offline">{rejoining.error.message}</span>}
          <span>
            {participantCount} participant{participantCount === 1 ? '' : 's'}
            {simulatedCount > 0 && ` (${simulatedCount} simulated)`}
          </span>
          {!soundOn && (
            <button
              type="button"
              className="board-sound"
              onClick={() => {
                unlockAudio();
                setSoundOn(true);
              }}
            >
              Enable sound
            </button>
          )}
        </div>
      </header>
      <main className={`board-main${joinStrip ? ' board-main--strip' : ''}`}>
        <section className="board-item" aria-labelledby="board-item-title" ref={itemRef}>
          {item ? (
            <>
              <div className="board-item-head">
                <h2 id="board-item-title">{item.title}</h2>
                {pages > 1 && (
                  <p className="board-page-count">
                    {page + 1} of {pages}
                    {paused ? ' (paused)' : ''}
                  </p>
                )}
              </div>
              {item.prompt && <p className="board-prompt">{item.prompt}</p>}
              {takesCarried(item) && <CarriedList layout="board" />}
              {!spotlight && <ItemContext item={item} layout="board" />}
              {spotlight ? (
                <BoardSpotlight target={spotlight} />
              ) : Module ? (
                <Module item={item} />
              ) : (
                kindOf(item.moduleType).hasBoard && <BoardNotes item={item} />
              )}
            </>
          ) : (
            <h2 id="board-item-title">Welcome! Join on your phone.</h2>
          )}
        </section>
        <aside className="board-side">
          {!joinStrip && timerView}
          {!joinStrip && (
            <div className="board-join">
              <p className="board-join-label">Join with code</p>
              <p className="board-join-code" data-testid="join-code">
                {code}
              </p>
              <JoinQr url={joinUrl} />
              <p className="board-join-url">{joinUrl.replace(/^https?:\/\//, '')}</p>
            </div>
          )}
          <SharedReportQr />
        </aside>
      </main>
    </div>
  );
}
