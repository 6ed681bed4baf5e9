/** Merges the phone workers' results into the bench figures (lost, dup, ack and fan-out latencies...). */
import type { CommandRecord, Receipts, ResultsReply } from './ipc.js';

export interface Merged {
  commands: CommandRecord[];
  receivers: number;
  /** Phones that received without measuring (lightPhone.ts, `skim`). */
  skimmers: number;
  acked: number;
  rejected: number;
  rejections: Map<string, number>;
  /** Commands never answered. */
  lost: number;
  moves: number;
  ackLat: number[];
  /** Per accepted command reached by every phone: last receipt (any worker) minus send time. */
  fanLat: number[];
  /** Accepted commands whose event did not reach every participant. */
  undelivered: number;
  /** Events received more often than there are participants. */
  overDelivered: number;
  duplicates: number;
  gaps: number;
  disconnects: Map<string, number>;
}

interface Receipt {
  count: number;
  last: number;
}

function mergeReceipts<K>(into: Map<K, Receipt>, r: Receipts<K>): void {
  r.keys.forEach((k, i) => {
    const cur = into.get(k);
    if (!cur) into.set(k, { count: r.count[i]!, last: r.last[i]! });
    else {
      cur.count += r.count[i]!;
      cur.last = Math.max(cur.last, r.last[i]!);
    }
  });
}

export function merge(workers: ResultsReply[]): Merged {
  const adds = new Map<string, Receipt>();
  const moveReceipts = new Map<number, Receipt>();
  const m: Merged = {
    commands: [],
    receivers: 0,
    skimmers: 0,
    acked: 0,
    rejected: 0,
    rejections: new Map(),
    lost: 0,
    moves: 0,
    ackLat: [],
    fanLat: [],
    undelivered: 0,
    overDelivered: 0,
    duplicates: 0,
    gaps: 0,
    disconnects: new Map(),
  };
  for (const w of workers) {
    m.receivers += w.receivers;
    m.skimmers += w.skimmers;
    m.duplicates += w.duplicates;
    m.gaps += w.gaps;
    for (const c of w.commands) m.commands.push(c);
    mergeReceipts(adds, w.adds);
    mergeReceipts(moveReceipts, w.moves);
    for (const [k, v] of w.disconnects) m.disconnects.set(k, (m.disconnects.get(k) ?? 0) + v);
  }
  for (const c of m.commands) {
    if (c.kind === 'move') m.moves++;
    if (c.ackAt === undefined) {
      m.lost++;
      continue;
    }
    m.ackLat.push(c.ackAt - c.sentAt);
    if (!c.ok) {
      m.rejected++;
      m.rejections.set(c.error ?? '?', (m.rejections.get(c.error ?? '?') ?? 0) + 1);
      continue;
    }
    m.acked++;
    const r = c.kind === 'add' ? adds.get(c.id) : moveReceipts.get(c.seq!);
    if (!r || r.count < m.receivers) m.undelivered++;
    else m.fanLat.push(r.last - c.sentAt);
  }
  for (const r of adds.values()) if (r.count > m.receivers) m.overDelivered++;
  for (const r of moveReceipts.values()) if (r.count > m.receivers) m.overDelivered++;
  return m;
}
