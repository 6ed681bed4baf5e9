import { sendCommand, useSession } from '../../store.js';
import { PAGE_SECONDS } from '../../views/board/useBoardPages.js';

/** What the board does on its own: pages that turn (pause them to talk about one), and what is in the spotlight. */
export function BoardDisplayControls({ itemId }: { itemId: string }) {
  const paused = useSession((s) => s.state.boardDisplay?.pagingPaused ?? false);
  const spotlit = useSession((s) => s.state.boardDisplay?.target?.itemId === itemId);
  return (
    <div className="board-display button-row" role="group" aria-label="Board display">
      <span className="muted">Board: {paused ? 'pages paused' : `pages turn every ${PAGE_SECONDS} s`}</span>
      <button type="button" className="small" aria-pressed={paused} onClick={() => void sendCommand({ type: 'spotlight.paging', payload: { paused: !paused } })}>
        {paused ? 'Resume pages' : 'Pause pages'}
      </button>
      {spotlit && (
        <button type="button" className="small" onClick={() => void sendCommand({ type: 'spotlight.clear', payload: {} })}>
          Clear spotlight
        </button>
      )}
    </div>
  );
}
