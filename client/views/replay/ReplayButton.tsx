import { useState } from 'react';
import { openReplay } from './replayKey.js';

/**
 * The console's Replay: opens the replay in a new tab and hands it the key there (replayKey.ts), so no address ever
 * holds the key (a link's address can be copied, shared, or kept in history).
 */
export function ReplayButton({ sessionId, facilitatorKey }: { sessionId: string; facilitatorKey: string }) {
  const [blocked, setBlocked] = useState(false);
  return (
    <span className="console-replay">
      <button type="button" className="link" onClick={() => setBlocked(!openReplay(sessionId, facilitatorKey))}>
        Replay
      </button>
      {blocked && (
        <span role="alert" className="muted">
          {' '}
          The browser blocked the new tab: allow pop-ups for this site, then press Replay again.
        </span>
      )}
    </span>
  );
}
