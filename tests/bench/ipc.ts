/**
 * Messages between the bench coordinator (bench.ts) and its phone workers (phones.ts), over the child-process IPC
 * channel (structured clone). Every request gets exactly one reply with the same id. Times are absolute ms from
 * `now()` in stats.ts, so they compare across processes.
 */
import type { LagFigures, Stall } from './stats.js';

export type Request =
  /**
   * Every `fullEvery`-th phone is a full SessionClient (keeps the state: the end-state check); the rest are light.
   * Phone n connects to `urls[n % urls.length]` (one per server process). `seed`: the phones' random choices.
   */
  | { type: 'setup'; urls: string[]; joinCode: string; itemId: string; intervalMs: number; fullEvery: number; measureEvery: number; seed?: number }
  /** Join these phones (by number) concurrently. */
  | { type: 'join'; phones: number[] }
  /** Every joined phone starts acting at a random moment in its first interval, and stops at `loadEndAt`. */
  | { type: 'start'; sentAt: number; loadEndAt: number }
  | { type: 'stats' }
  | { type: 'results' }
  /** End-state consistency: which phones miss any of the `expected` notes; `head` is the facilitator's seq. */
  | { type: 'check'; expected: string[]; head: number }
  | { type: 'close' };

export interface JoinReply {
  /** Join round-trip times in ms. */
  latencies: number[];
  failures: string[];
  /** Joins tried again after a "try again" refusal (several processes racing for the session's seq). */
  retries: number;
}

export interface StatsReply {
  sent: number;
  /** Commands answered (accepted or refused). */
  answered: number;
  accepted: number;
  ackP99: number | null;
  /** Event-loop lag since the previous stats request. */
  lag: LagFigures;
  /** Event-loop lag over the load phase (so far). */
  loadLag: LagFigures;
  /** Lowest, over this worker's joined phones, of the highest seq each has received (the bench's own count). */
  minSeenSeq: number;
  /** Highest seq of this worker's accepted commands. */
  maxAckSeq: number;
  heapMb: number;
}

export interface CommandRecord {
  id: string;
  kind: 'add' | 'move';
  sentAt: number;
  /** Undefined: never answered. */
  ackAt?: number;
  ok?: boolean;
  error?: string;
  seq?: number;
}

/** Per event: how many of this worker's phones received it and when the last of them did (parallel arrays). */
export interface Receipts<K> {
  keys: K[];
  count: Uint32Array;
  last: Float64Array;
}

export interface ResultsReply {
  /** Phones of this worker that joined and measure the fan-out (every phone receives every event). */
  receivers: number;
  /** Phones of this worker that joined and skim their frames (not in the fan-out figures). */
  skimmers: number;
  commands: CommandRecord[];
  /** note.added receipts, by note id. */
  adds: Receipts<string>;
  /** note.moved receipts, by seq. */
  moves: Receipts<number>;
  /** Sum of SessionClient.duplicates over the phones. */
  duplicates: number;
  gaps: number;
  /** Event-loop stalls over 100 ms during the load phase. */
  stalls: Stall[];
  /** Disconnect reasons other than the bench's own close, with counts. */
  disconnects: Array<[string, number]>;
}

export interface CheckReply {
  /** Full phones checked (light phones keep no state; phones that never joined are not checked). */
  checked: number;
  diverged: number;
  missing: number;
  atHeadDiverged: number;
  atHeadMissing: number;
}

export interface Replies {
  setup: Record<string, never>;
  join: JoinReply;
  start: { receivedAt: number };
  stats: StatsReply;
  results: ResultsReply;
  check: CheckReply;
  close: Record<string, never>;
}

export type RequestEnvelope = { id: number; req: Request };
export type ReplyEnvelope = { id: number; reply: Replies[keyof Replies] } | { id: number; error: string };
