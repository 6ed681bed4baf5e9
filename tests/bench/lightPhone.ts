/**
 * A light simulated phone for the load bench: the phone's network side only. It joins, sends commands and receives
 * event frames over its own real socket.io connection exactly as the app's SessionClient does, but it does not keep
 * the session state (no reducer). A real phone applies events on its own CPU; 300 reducers in three processes on a
 * 2-core machine measured the load generator, not the server (workers stalled in GC with 490 MB heaps while the
 * server sat at 20% of a core). The bench keeps a share of full SessionClient phones (`--full-every`) that check the
 * end state converges.
 */
import { io, type Socket } from 'socket.io-client';
import type { CommandInput } from '../../shared/protocol/commands.js';
import type { JoinResult } from '../../shared/protocol/join.js';
import { PROTOCOL_VERSION } from '../../shared/protocol/limits.js';
import type { CommandResult } from '../../shared/protocol/results.js';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol/socket.js';
import type { SessionEvent } from '../../shared/session/events.js';

export class LightPhone {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private listeners = new Set<(events: SessionEvent[]) => void>();
  private token: string | undefined;
  private seq = 0;
  duplicates = 0;
  gaps = 0;

  constructor(url: string) {
    this.socket = io(url, { auth: { protocol: PROTOCOL_VERSION }, transports: ['websocket'], forceNew: true, reconnectionDelay: 500 });
    this.socket.on('events', (events) => {
      for (const fn of this.listeners) fn(events);
      for (const e of events) {
        if (e.seq <= this.seq) this.duplicates++;
        else if (e.seq > this.seq + 1) this.gaps++;
        if (e.seq > this.seq) this.seq = e.seq;
      }
    });
  }

  onEvents(fn: (events: SessionEvent[]) => void): void {
    this.listeners.add(fn);
  }

  join(joinCode: string, name: string): Promise<JoinResult> {
    return new Promise((resolve) => {
      const req = { role: 'participant' as const, protocol: PROTOCOL_VERSION, joinCode, name, participantToken: this.token };
      this.socket.timeout(15_000).emit('join', req, (err: Error | null, res?: JoinResult) => {
        if (err || !res) return resolve({ ok: false, error: { code: 'internal', message: 'The server did not answer.' } });
        if (res.ok) {
          this.token = res.participantToken ?? this.token;
          this.seq = res.catchUp.kind === 'snapshot' ? res.catchUp.state.seq : this.seq;
        }
        resolve(res);
      });
    });
  }

  send(body: CommandInput, id: string): Promise<CommandResult> {
    return new Promise((resolve) => {
      this.socket.timeout(15_000).emit('command', { id, ...body }, (err: Error | null, res?: CommandResult) =>
        resolve(err || !res ? { ok: false, error: { code: 'internal', message: 'No answer in time.' } } : res),
      );
    });
  }

  close(): void {
    this.socket.disconnect();
  }
}
