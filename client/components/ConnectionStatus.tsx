import { useSession } from '../store.js';
import type { Connection } from '../net/sessionClient.js';

const WORDS: Record<Connection, string> = {
  connecting: 'Connecting…',
  online: 'Online',
  offline: 'Offline',
  failed: 'Connection failed: reload the page',
};

/** Connection state and how many of this device's changes have not reached the server yet. */
export function ConnectionStatus({ className = '' }: { className?: string }) {
  const connection = useSession((s) => s.connection);
  const unsent = useSession((s) => s.queued.length);
  // Connected, but the server asked this screen to wait before it joins again (its sentence is in the error banner).
  const waiting = useSession((s) => connection === 'online' && s.rejoining !== null);
  return (
    <div className={`connection connection--${connection} ${className}`} role="status" aria-live="polite">
      <span className="connection-dot" aria-hidden="true">
        {connection === 'online' ? '●' : connection === 'offline' || connection === 'failed' ? '○' : '◌'}
      </span>
      <span className="connection-state">{waiting ? 'Waiting to rejoin…' : WORDS[connection]}</span>
      <span className="connection-unsent">{unsent} unsent</span>
    </div>
  );
}
