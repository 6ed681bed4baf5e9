import { Component, type ReactNode } from 'react';
import { useSession } from '../../store.js';
import { BoardScreen } from '../board/BoardView.js';
import { AgendaSideList } from '../facilitator/AgendaSideList.js';
import { CurrentItemPanel } from '../facilitator/CurrentItemPanel.js';
import { ParticipantSession } from '../participant/ParticipantSession.js';
import { RehearsalBanner } from '../../components/RehearsalBanner.js';
import { ReplayPeople } from './ReplayPeople.js';

/** Which screen a replay shows: the board, the facilitator's console, or a phone. */
export type ReplayScreen = 'board' | 'console' | 'phone';

const nothing = (): void => {};

/** A screen that fails to draw a moment says so, in our words, and the replay goes on. */
class ScreenGuard extends Component<{ children: ReactNode; moment: number }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override componentDidUpdate(prev: { moment: number }): void {
    // Another moment may draw: try again.
    if (prev.moment !== this.props.moment && this.state.failed) this.setState({ failed: false });
  }
  override render(): ReactNode {
    return !this.state.failed ? this.props.children : <p role="alert">This screen could not be drawn at this moment of the replay. Move on a little.</p>;
  }
}

/**
 * The live screens, drawn from the replay's state in the session store. The console and the phone sit in a disabled
 * fieldset: every button and field is there to be seen and none can be used (the store sends nothing anyway). A
 * rehearsal's replay says so on every screen, as the live screens did.
 */
export function ReplayScreens({ screen }: { screen: ReplayScreen }) {
  const code = useSession((s) => s.state.joinCode);
  const moment = useSession((s) => s.state.seq);
  return (
    <ScreenGuard moment={moment}>
      {screen === 'board' ? (
        <BoardScreen code={code} />
      ) : screen === 'console' ? (
        <fieldset className="replay-readonly console" disabled aria-label="The console, read-only">
          <RehearsalBanner />
          <div className="console-grid">
            <AgendaSideList onExpand={nothing} />
            <CurrentItemPanel />
            {/* Who was online is not in the log: the presence panel would say "offline" of everyone. */}
            <ReplayPeople />
          </div>
        </fieldset>
      ) : (
        <div className="phone replay-phone">
          <RehearsalBanner />
          <fieldset className="replay-readonly phone-main" disabled aria-label="A phone, read-only">
            <ParticipantSession />
          </fieldset>
        </div>
      )}
    </ScreenGuard>
  );
}
