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
  return (
    <div className={`connection connection--${connection} ${className}`} role="status" aria-live="polite">
      <span className="connection-dot" aria-hidden="true">
        {connection === 'online' ? '●' : connection === 'offline' || connection === 'failed' ? '○' : '◌'}
      </span>
      <span className="connection-state">{WORDS[connection]}</span>
      <span className="connection-unsent">{unsent} unsent</span>
    </div>
  );
}
