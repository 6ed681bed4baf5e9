/**
 * A light simulated phone for the load bench: the phone's network side only. It joins, sends commands and receives
 * event frames over its own real socket.io connection exactly as the app's SessionClient does, but it does not keep
 * the session state (no reducer). A real phone applies events on its own CPU; 300 reducers in three processes on a
 * 2-core machine measured the load generator, not the server (workers stalled in GC with 490 MB heaps while the
 * server sat at 20% of a core). The bench keeps a share of full SessionClient phones (`--full-every`) that check the
 * end state converges.
 *
 * A skimming phone (`skim`) goes further: its frames of events are not parsed as JSON, only read for their last seq
 * (what it re-joins from), so the gap and duplicate counts are the other phones'. At
 * 6,000 phones on this 2-core machine the phones' JSON parsing alone saturated it, and the workers stalled for
 * seconds (long enough for the server to drop them); what the server sends and how is the same for every phone, so
 * a share of the phones measures the fan-out and the rest only receive it.
 */
import { io, type Socket } from 'socket.io-client';
import { Decoder, Encoder, PacketType } from 'socket.io-parser';
import type { CommandInput } from '../../shared/protocol/commands.js';
import type { JoinResult } from '../../shared/protocol/join.js';
import { PROTOCOL_VERSION } from '../../shared/protocol/limits.js';
import type { CommandResult } from '../../shared/protocol/results.js';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol/socket.js';
import type { SessionEvent } from '../../shared/session/events.js';

/** How the server writes a frame of events (server/wireParser.ts: an EVENT packet, default namespace, no ack id). */
const EVENTS_FRAME = '2["events",';
const SEQ_KEY = '"seq":';

/** The seq written right after `at` in a frame of events (`"seq":N,"at":`), or null. */
function seqAt(frame: string, at: number): number | null {
  let j = at + SEQ_KEY.length;
  let seq = 0;
  for (let c = frame.charCodeAt(j); c >= 48 && c <= 57; c = frame.charCodeAt(++j)) seq = seq * 10 + (c - 48);
  return j > at + SEQ_KEY.length && frame.startsWith(',"at":', j) ? seq : null;
}

/**
 * The last seq of a frame of events, read from its end without parsing it: each event is written
 * `{...body, "seq":N,"at":T}`, so the last event's own seq is the frame's last `"seq":` followed by digits and
 * `,"at":` (a quote inside a text is escaped; an event nested in a body, as a removal's, comes before its seq).
 */
export function lastSeqOf(frame: string): number | null {
  for (let i = frame.lastIndexOf(SEQ_KEY); i >= 0; i = frame.lastIndexOf(SEQ_KEY, i - 1)) {
    const seq = seqAt(frame, i);
    if (seq !== null) return seq;
  }
  return null;
}

/** socket.io's decoder, except that a frame of events becomes its last seq alone (see `lastSeqOf`). */
class SkimDecoder extends Decoder {
  override add(obj: unknown): void {
    if (typeof obj === 'string' && obj.startsWith(EVENTS_FRAME))
      return void this.emitReserved('decoded', { type: PacketType.EVENT, nsp: '/', data: ['events', [{ seq: lastSeqOf(obj) ?? 0 }]] });
    super.add(obj);
  }
}
const skimParser = { Encoder, Decoder: SkimDecoder };

/** Refusals worth sending the same command again for, as the app's client does (sessionClient.ts). */
const RETRYABLE = new Set(['rate_limited', 'internal', 'not_joined']);

export class LightPhone {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private listeners = new Set<(events: SessionEvent[]) => void>();
  private token: string | undefined;
  private seq = 0;
  private who: { joinCode: string; name: string } | null = null;
  private joined = false;
  private connectedBefore = false;
  /** Commands sent and not answered yet: sent again, with the same id, after a reconnect re-joins. */
  private pending = new Map<string, { body: CommandInput; resolve: (r: CommandResult) => void }>();
  duplicates = 0;
  gaps = 0;

  /** `skim`: frames of events are read for their last seq only (the listeners get that seq alone). */
  constructor(
    url: string,
    private skim = false,
  ) {
    this.socket = io(url, {
      auth: { protocol: PROTOCOL_VERSION },
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 500,
      ...(skim ? { parser: skimParser } : {}),
    });
    this.socket.on('events', (events) => {
      if (this.joined) this.receive(events); // a new connection's frames before its join answer are in the catch-up
    });
    this.socket.on('disconnect', () => (this.joined = false));
    // After a drop (a server process killed), join again from the last seq and resend what was not answered.
    this.socket.on('connect', () => {
      if (this.connectedBefore) void this.rejoin();
      this.connectedBefore = true;
    });
  }

  private async rejoin(): Promise<void> {
    if (!this.who) return;
    const r = await this.join(this.who.joinCode, this.who.name);
    if (!r.ok && this.socket.connected) setTimeout(() => void this.rejoin(), 1000);
  }

  private receive(events: SessionEvent[]): void {
    for (const fn of this.listeners) fn(events);
    if (this.skim) return void (this.seq = Math.max(this.seq, events.at(-1)?.seq ?? 0));
    for (const e of events) {
      if (e.seq <= this.seq) this.duplicates++;
      else if (e.seq > this.seq + 1) this.gaps++;
      if (e.seq > this.seq) this.seq = e.seq;
    }
  }

  onEvents(fn: (events: SessionEvent[]) => void): void {
    this.listeners.add(fn);
  }

  join(joinCode: string, name: string): Promise<JoinResult> {
    const lastSeq = this.who && this.seq > 0 ? this.seq : undefined;
    this.who = { joinCode, name };
    return new Promise((resolve) => {
      const req = { role: 'participant' as const, protocol: PROTOCOL_VERSION, joinCode, name, participantToken: this.token, lastSeq };
      this.socket.timeout(15_000).emit('join', req, (err: Error | null, res?: JoinResult) => {
        if (err || !res) return resolve({ ok: false, error: { code: 'internal', message: 'The server did not answer.' } });
        if (res.ok) {
          this.token = res.participantToken ?? this.token;
          this.joined = true;
          if (res.catchUp.kind === 'snapshot') this.seq = Math.max(this.seq, res.catchUp.state.seq);
          else this.receive(res.catchUp.events);
          for (const id of this.pending.keys()) this.emit(id);
        }
        resolve(res);
      });
    });
  }

  /** Resolves with the server's answer, however many reconnects that takes; never with a made-up one. */
  send(body: CommandInput, id: string): Promise<CommandResult> {
    return new Promise((resolve) => {
      this.pending.set(id, { body, resolve });
      if (this.joined) this.emit(id);
    });
  }

  private emit(id: string): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.socket.emit('command', { id, ...p.body }, (res: CommandResult) => {
      if (!this.pending.has(id)) return; // answered already (sent twice around a reconnect)
      if (!res.ok && RETRYABLE.has(res.error.code)) return void setTimeout(() => this.joined && this.emit(id), 1000);
      this.pending.delete(id);
      p.resolve(res);
    });
  }

  close(): void {
    this.who = null;
    this.socket.disconnect();
  }
}
