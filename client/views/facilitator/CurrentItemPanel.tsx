import { kindOf } from '../../../shared/modules/registry.js';
import { serverNow, useSession } from '../../store.js';
import { TimerDisplay } from '../../components/TimerDisplay.js';
import { TimerControls } from './TimerControls.js';
import { FacilitatorBoard } from './FacilitatorBoard.js';
import { screensOf } from '../../modules/registry.js';
import { LatePanel } from './LatePanel.js';
import { ReportPreviewPanel } from './ReportPreviewPanel.js';
import { CarriedList } from '../../modules/carry/CarriedList.js';
import { CarriedInputToggle } from '../../modules/carry/CarriedInputToggle.js';
import { takesCarried } from '../../../shared/modules/carry/carry.state.js';
import { ItemContext } from '../../modules/vision/ItemContext.js';
import { BoardDisplayControls } from '../../modules/spotlight/BoardDisplayControls.js';

/** The item the room is on: its prompt, the facilitator's notes, the countdown and its board. */
export function CurrentItemPanel() {
  const item = useSession((s) => s.state.agenda.find((i) => i.id === s.state.currentItemId));
  const timer = useSession((s) => s.state.timer);
  if (!item)
    return (
      <main id="current-item" tabIndex={-1} className="console-current card">
        <h2>No current item</h2>
        <p className="muted">Add an agenda item or press Next item to begin.</p>
      </main>
    );
  const Module = screensOf(item.moduleType)?.Console;
  return (
    <main id="current-item" tabIndex={-1} className="console-current stack" aria-labelledby="current-heading">
      <div className="card stack">
        <p className="eyebrow">Now · {kindOf(item.moduleType).label}</p>
        <h2 id="current-heading">{item.title}</h2>
        {item.prompt && <p className="prompt">{item.prompt}</p>}
        {item.facilitatorNotes && (
          <details>
            <summary>Facilitator notes</summary>
            <p className="facilitator-notes">{item.facilitatorNotes}</p>
          </details>
        )}
        <div className="timer-block">
          <TimerDisplay timer={timer} now={serverNow} size="medium" />
          <TimerControls timer={timer} disabled={timer.itemId !== item.id} />
        </div>
        <div className="item-settings">
          <CarriedInputToggle item={item} />
          <BoardDisplayControls itemId={item.id} />
        </div>
      </div>
      <LatePanel />
      {takesCarried(item) && <CarriedList layout="console" />}
      <ItemContext item={item} layout="console" />
      {Module ? <Module item={item} /> : kindOf(item.moduleType).hasBoard && <FacilitatorBoard item={item} />}
      <ReportPreviewPanel item={item} />
    </main>
  );
}
