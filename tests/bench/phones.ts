/**
 * A phone worker of the load bench: a child process that runs a slice of the simulated phones, each a real
 * SessionClient (real reducer, its own copy of the session state), driven by the coordinator (bench.ts) over IPC.
 * See ipc.ts for the messages. It exits when the coordinator says so or goes away.
 */
import { nanoid } from 'nanoid';
import { SessionClient } from '../../client/net/sessionClient.js';
import type { JoinResult } from '../../shared/protocol/join.js';
import type { SessionEvent } from '../../shared/session/events.js';
import { noteById } from '../../shared/session/notes.js';
import { SAY } from '../../server/sentences.js';
import type { CheckReply, CommandRecord, Receipts, Replies, Request, RequestEnvelope, ResultsReply, StatsReply } from './ipc.js';
import { LightPhone } from './lightPhone.js';
import { LoopLag, now, percentile, seeded, StallLog } from './stats.js';

const COLUMNS = ['A', 'B', 'C'] as const;

interface Phone {
  client: SessionClient | LightPhone;
  name: string;
  joined: boolean;
  /** Notes of this phone the server accepted, with their current column. */
  notes: Map<string, string>;
  /** Notes with a move in flight (never two moves of the same note in flight at once). */
  moving: Set<string>;
  timer: NodeJS.Timeout | null;
  /** Whether its receipts count in the fan-out figures (the others skim their frames: lightPhone.ts). */
  measures: boolean;
  /** Highest seq this phone has seen in a raw frame (the bench's own de-duplication, independent of the client). */
  seenSeq: number;
}

interface Receipt {
  count: number;
  last: number;
}

let setup: Extract<Request, { type: 'setup' }> | null = null;
/** The phones' random choices: seeded when the coordinator gives a seed (chaos.ts), else Math.random. */
let rand: () => number = Math.random;
const phones: Phone[] = [];
const commands = new Map<string, CommandRecord>();
const addReceipts = new Map<string, Receipt>(); // note id -> this worker's phones that received its note.added
const moveReceipts = new Map<number, Receipt>(); // seq of a note.moved -> this worker's phones that received it
const disconnects = new Map<string, number>();
const loadLag = new LoopLag(); // the load phase
const recentLag = new LoopLag(); // since the previous stats request
const stallLog = new StallLog(100);
let loadEndAt = 0;
let sent = 0;
let maxAckSeq = 0;

/** Counts one phone's receipts; an event whose seq the phone has already passed is not counted again. */
function receive(phone: Phone, events: SessionEvent[], at: number): void {
  for (const e of events) {
    if (e.seq <= phone.seenSeq) continue;
    phone.seenSeq = e.seq;
    let r: Receipt | undefined;
    if (e.type === 'note.added') {
      r = addReceipts.get(e.note.id);
      if (!r) addReceipts.set(e.note.id, (r = { count: 0, last: 0 }));
    } else if (e.type === 'note.moved') {
      r = moveReceipts.get(e.seq);
      if (!r) moveReceipts.set(e.seq, (r = { count: 0, last: 0 }));
    } else continue;
    r.count++;
    r.last = at;
  }
}

function track(kind: CommandRecord['kind'], id: string, done: Promise<{ ok: true; seq: number } | { ok: false; error: { code: string } }>): Promise<boolean> {
  const rec: CommandRecord = { id, kind, sentAt: now() };
  commands.set(id, rec);
  sent++;
  return done.then((r) => {
    rec.ackAt = now();
    rec.ok = r.ok;
    if (r.ok) {
      rec.seq = r.seq;
      if (r.seq > maxAckSeq) maxAckSeq = r.seq;
    } else rec.error = r.error.code;
    return r.ok;
  });
}

/** One action of a phone: about 1 in 10 moves one of its own notes to another column, the rest post a note. */
function act(p: Phone): void {
  const { itemId } = setup!;
  const moveable = [...p.notes.keys()].filter((id) => !p.moving.has(id));
  if (moveable.length && rand() < 0.1) {
    const noteId = moveable[Math.floor(rand() * moveable.length)]!;
    const others = COLUMNS.filter((c) => c !== p.notes.get(noteId));
    const column = others[Math.floor(rand() * others.length)]!;
    const id = nanoid();
    p.moving.add(noteId);
    const done = p.client.send({ type: 'note.move', payload: { noteId, column } }, id);
    void track('move', id, done).then((ok) => {
      p.moving.delete(noteId);
      if (ok) p.notes.set(noteId, column);
    });
  } else {
    const column = COLUMNS[Math.floor(rand() * COLUMNS.length)]!;
    const id = nanoid(); // the note's id will be this command's id
    const done = p.client.send({ type: 'note.add', payload: { itemId, column, text: `${p.name}: idea ${sent + 1} ${nanoid(8)}` } }, id);
    void track('add', id, done).then((ok) => {
      if (ok) p.notes.set(id, column);
    });
  }
}

function schedule(p: Phone, delay: number): void {
  p.timer = setTimeout(() => {
    p.timer = null;
    if (now() >= loadEndAt) return;
    act(p);
    schedule(p, setup!.intervalMs * (0.75 + rand() * 0.5));
  }, delay);
}

let joinRetries = 0;
async function join(numbers: number[]): Promise<Replies['join']> {
  joinRetries = 0;
  const { urls, joinCode } = setup!;
  const latencies: number[] = [];
  const failures: string[] = [];
  await Promise.all(
    numbers.map(async (n) => {
      const name = `Phone ${n}`;
      const url = urls[n % urls.length]!; // phone n talks to server process n % P
      const full = n % setup!.fullEvery === 0;
      const measures = full || n % setup!.measureEvery === 0;
      const client = full ? new SessionClient({ url, transports: ['websocket'] }) : new LightPhone(url, !measures);
      const phone: Phone = { client, name, joined: false, measures, notes: new Map(), moving: new Set(), timer: null, seenSeq: 0 };
      if (measures) client.onEvents((events) => receive(phone, events, now()));
      client.socket.on('disconnect', (reason) => disconnects.set(reason, (disconnects.get(reason) ?? 0) + 1));
      phones.push(phone);
      const t0 = now();
      const tryJoin = (): Promise<JoinResult> =>
        client instanceof LightPhone ? client.join(joinCode, name) : client.join({ role: 'participant', joinCode, name });
      let r = await tryJoin();
      // Asked to try again (several processes raced for the session's seq): the person taps Join again, up to 3 times.
      // Not after no answer in time: that join may yet have gone through on this connection.
      for (let again = 0; !r.ok && r.error.message === SAY.joinBusy && again < 3; again++) {
        joinRetries++;
        await new Promise((res) => setTimeout(res, 500 + rand() * 500));
        r = await tryJoin();
      }
      if (r.ok) {
        phone.joined = true;
        latencies.push(now() - t0);
      } else failures.push(`${name}: ${r.error.code} ${r.error.message}`);
    }),
  );
  return { latencies, failures, retries: joinRetries };
}

function stats(): StatsReply {
  if (now() >= loadEndAt) loadLag.stop();
  const acks: number[] = [];
  let accepted = 0;
  for (const c of commands.values())
    if (c.ackAt !== undefined) {
      acks.push(c.ackAt - c.sentAt);
      if (c.ok) accepted++;
    }
  let minSeenSeq = Infinity;
  for (const p of phones) if (p.joined && p.seenSeq < minSeenSeq) minSeenSeq = p.seenSeq;
  const reply: StatsReply = {
    sent,
    answered: acks.length,
    accepted,
    ackP99: percentile(acks, 99),
    lag: recentLag.figures(),
    loadLag: loadLag.figures(),
    minSeenSeq: Number.isFinite(minSeenSeq) ? minSeenSeq : 0,
    maxAckSeq,
    heapMb: process.memoryUsage().heapUsed / 2 ** 20,
  };
  recentLag.start();
  return reply;
}

function pack<K>(m: Map<K, Receipt>): Receipts<K> {
  const out: Receipts<K> = { keys: [...m.keys()], count: new Uint32Array(m.size), last: new Float64Array(m.size) };
  let i = 0;
  for (const r of m.values()) {
    out.count[i] = r.count;
    out.last[i++] = r.last;
  }
  return out;
}

function results(): ResultsReply {
  for (const p of phones) if (p.timer) clearTimeout(p.timer);
  loadLag.stop();
  return {
    receivers: phones.filter((p) => p.joined && p.measures).length,
    skimmers: phones.filter((p) => p.joined && !p.measures).length,
    commands: [...commands.values()],
    adds: pack(addReceipts),
    moves: pack(moveReceipts),
    duplicates: phones.reduce((n, p) => n + p.client.duplicates, 0),
    gaps: phones.reduce((n, p) => n + p.client.gaps, 0),
    stalls: stallLog.stalls,
    disconnects: [...disconnects].filter(([reason]) => reason !== 'io client disconnect'),
  };
}

/** Every full phone's own state should hold every accepted note (light phones keep no state). */
function check(expected: string[], head: number): CheckReply {
  const out: CheckReply = { checked: 0, diverged: 0, missing: 0, atHeadDiverged: 0, atHeadMissing: 0 };
  for (const p of phones) {
    if (p.client instanceof LightPhone || !p.joined) continue;
    out.checked++;
    const state = p.client.snap.state;
    const miss = expected.filter((id) => !noteById(state, id)).length;
    if (!miss) continue;
    out.diverged++;
    out.missing += miss;
    // A phone that reached the head seq but misses notes skipped events for good (a gap), it is not just late.
    if (state.seq >= head) {
      out.atHeadDiverged++;
      out.atHeadMissing += miss;
    }
  }
  return out;
}

async function handle(req: Request): Promise<Replies[keyof Replies]> {
  switch (req.type) {
    case 'setup':
      setup = req;
      if (req.seed !== undefined) rand = seeded(req.seed);
      return {};
    case 'join':
      return join(req.phones);
    case 'start': {
      const receivedAt = now();
      loadEndAt = req.loadEndAt;
      loadLag.start();
      recentLag.start();
      stallLog.start();
      setTimeout(() => (loadLag.stop(), stallLog.stop()), Math.max(0, loadEndAt - now()));
      for (const p of phones) if (p.joined) schedule(p, rand() * setup!.intervalMs);
      return { receivedAt };
    }
    case 'stats':
      return stats();
    case 'results':
      return results();
    case 'check':
      return check(req.expected, req.head);
    case 'close':
      for (const p of phones) p.client.close();
      setTimeout(() => process.exit(0), 200).unref();
      return {};
  }
}

process.on('message', (msg: RequestEnvelope) => {
  handle(msg.req).then(
    (reply) => process.send!({ id: msg.id, reply }),
    (e: unknown) => process.send!({ id: msg.id, error: String(e) }),
  );
});
// The coordinator went away (ended or crashed): nothing left to do.
process.on('disconnect', () => process.exit(0));
