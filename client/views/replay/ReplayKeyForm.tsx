import { useEffect, useId, useState } from 'react';
import { keepReplayKey, keyFromConsoleLink, keyFromOpener, storedReplayKey } from './replayKey.js';

/**
 * The facilitator key of this replay: kept by this tab, or handed over by the console that opened it. `asking`
 * while the console has not answered yet; null when neither has it (the page then asks for the console link).
 */
export function useReplayKey(sessionId: string): { key: string | null; asking: boolean; setKey: (key: string) => void } {
  const [key, setKeyState] = useState(() => storedReplayKey(sessionId));
  const [asking, setAsking] = useState(key === null);
  useEffect(() => {
    if (key !== null) return;
    let live = true;
    void keyFromOpener(sessionId).then((got) => {
      if (!live) return;
      if (got) {
        keepReplayKey(sessionId, got);
        setKeyState(got);
      }
      setAsking(false);
    });
    return () => {
      live = false;
    };
  }, [sessionId, key]);
  const setKey = (k: string) => {
    keepReplayKey(sessionId, k);
    setKeyState(k);
  };
  return { key, asking, setKey };
}

/**
 * A replay opened without its console (on the projector's own machine): the console link pasted here opens it. The
 * field hides what is pasted, as the room may be watching, and nothing of it goes into the address.
 */
export function ReplayKeyForm({ sessionId, onKey }: { sessionId: string; onKey: (key: string) => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  return (
    <main className="page stack">
      <h1>Open this replay</h1>
      <p>
        A replay opens with the session’s facilitator key. On the facilitator’s console, press <strong>Replay</strong>; or,
        on this machine, paste the console’s link (the address of the facilitator’s console) here.
      </p>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          const got = keyFromConsoleLink(text, sessionId);
          if ('error' in got) setError(got.error);
          else onKey(got.key);
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-link`}>Console link</label>
          <input id={`${id}-link`} type="password" autoComplete="off" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        {error && (
          <p role="alert" className="error-banner">
            {error}
          </p>
        )}
        <button type="submit">Open the replay</button>
      </form>
    </main>
  );
}
