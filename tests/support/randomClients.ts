import { SessionClient, memoryStorage, type JoinAs, type KeyValueStorage } from '../../client/net/sessionClient.js';
import type { CommandInput } from '../../shared/protocol/commands.js';
import type { CommandResult } from '../../shared/protocol/results.js';
import { seededRng, type Rng } from '../../shared/rehearsal/rng.js';
import { checkConvergence, type StoredSession } from './randomClientsCheck.js';
import { planOf, type Action } from './randomClientsPlan.js';

/**
 * Seeded random clients against real servers: several phones (the app's own SessionClient, with its queue and
 * resend) and a console act at random on one session's note board, with abrupt transport drops (the socket ends
 * without a goodbye; sometimes again right behind the re-join), offline spells with commands queued, duplicate sends of a command id (resent after its answer,
 * and a second copy on the wire while the first is in flight), and phones moving to another server (the same stored
 * participant token and queue on a new connection to another url). Then it waits until all is quiet, reads the store
 * and checks that every screen converged on it (randomClientsCheck.ts).
 *
 * Interface (no test framework inside: a plain `tsx` script can call it, as `npm run chaos` may with longer seeds):
 *
 *   const report = await runRandomClients({ urls, session, seed, steps, phones, readStore });
 *   if (report.problems.length) throw new Error(report.problems.join('\n'));   // each problem names the seed
 *
 * - `urls`: the servers' base urls (one per process; one url runs it on a single process, moves become reloads).
 * - `session`: a created session (its id, join code and facilitator key) whose agenda has a note board, not anonymous
 *   (the phones' views are checked without their ballots).
 * - `seed`: the same seed gives the same plan: who does what at which step, with which command ids and texts
 *   (randomClientsPlan.ts). What a command meets (a note already deleted by the console...) depends on timing.
 * - `readStore()`: the session's stored log and the command ids the store answered (storedSessionOnPostgres /
 *   storedSessionOnSqlite in randomClientsCheck.ts).
 * - The report: counts of what was done and answered, and `problems`, empty when every check held.
 */
export interface RandomClientsOptions {
  urls: string[];
  session: { sessionId: string; joinCode: string; facilitatorKey: string };
  seed: number;
  /** Actions in the plan (default 120). */
  steps?: number;
  /** Participant clients (default 5); one console besides, and a board on each server that only watches. */
  phones?: number;
  /** Longest pause between two actions, in ms (default 25). */
  paceMs?: number;
  readStore: () => Promise<StoredSession>;
  /** Runs before each action, awaited (a chaos script kills and restarts a server at some step). */
  onStep?: (step: number) => Promise<void> | void;
  /** How long everything may take to settle after the last action (default 30 s). */
  quietTimeoutMs?: number;
  ackTimeoutMs?: number;
}

export interface RandomClientsReport {
  seed: number;
  actions: Record<string, number>;
  commands: number;
  accepted: number;
  refused: Record<string, number>;
  storedEvents: number;
  /** Frames a client received twice / gaps that made it re-join (figures, not failures). */
  duplicateFrames: number;
  gaps: number;
  /** From the last action until every screen was quiet and at one seq. */
  settleMs: number;
  problems: string[];
}

/** One command as its sender knows it: every answer heard for its id, over every send and every process. */
export interface Sent {
  id: string;
  by: string;
  body: CommandInput;
  answers: CommandResult[];
}

interface Screen {
  name: string;
  who: JoinAs;
  storage: KeyValueStorage;
  url: number;
  client: SessionClient;
  offline: boolean;
}

const RETRYABLE = new Set(['rate_limited', 'internal', 'not_joined']);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Ends the transport under the client without a goodbye, as a phone losing its network does (it reconnects itself). */
export function dropTransport(c: SessionClient): void {
  const transport: unknown = c.socket.io.engine?.transport;
  const ws = transport && typeof transport === 'object' && 'ws' in transport ? (transport.ws as { terminate?: () => void }) : null;
  if (ws?.terminate) ws.terminate();
  else c.socket.io.engine?.close();
}

export async function runRandomClients(opts: RandomClientsOptions): Promise<RandomClientsReport> {
  const { urls, session, seed } = opts;
  // The pace and the processes moved to: from a stream of their own, so that the plan depends on the seed alone.
  const rng: Rng = seededRng(seed ^ 0x5eed);
  const ackTimeoutMs = opts.ackTimeoutMs ?? 3000;
  const plan = planOf(seed, opts.steps ?? 120, opts.phones ?? 5);
  const sent = new Map<string, Sent>();
  const open: SessionClient[] = [];
  const connect = (url: number, storage: KeyValueStorage): SessionClient => {
    const c = new SessionClient({ url: urls[url % urls.length]!, storage, transports: ['websocket'], ackTimeoutMs });
    open.push(c);
    return c;
  };
  const track = (s: Screen, id: string, body: CommandInput, answer: Promise<CommandResult>): void => {
    const entry = sent.get(id) ?? { id, by: s.name, body, answers: [] };
    sent.set(id, entry);
    void answer.then((r) => entry.answers.push(r));
  };
  const send = (s: Screen, body: CommandInput, id: string): void => track(s, id, body, s.client.send(body, id));
  const screens: Screen[] = [];
  const report: RandomClientsReport = { seed, actions: {}, commands: 0, accepted: 0, refused: {}, storedEvents: 0, duplicateFrames: 0, gaps: 0, settleMs: 0, problems: [] };
  try {
    const joinScreen = async (name: string, who: JoinAs, url: number): Promise<Screen> => {
      const storage = memoryStorage();
      const s: Screen = { name, who, storage, url: url % urls.length, client: connect(url, storage), offline: false };
      const joined = await s.client.join(who);
      if (!joined.ok) throw new Error(`${name} could not join: ${joined.error.message}`);
      screens.push(s);
      return s;
    };
    // Screens 0 (the console) and 1.. (the phones) act as the plan says; the boards after them only watch.
    const fac = await joinScreen('console', { role: 'facilitator', sessionId: session.sessionId, facilitatorKey: session.facilitatorKey }, 0);
    for (let i = 1; i <= (opts.phones ?? 5); i++) await joinScreen(`phone ${i}`, { role: 'participant', joinCode: session.joinCode, name: `Phone ${i}` }, i);
    for (let i = 0; i < urls.length; i++) await joinScreen(`board ${i + 1}`, { role: 'board', joinCode: session.joinCode }, i);
    const board = fac.client.snap.state.agenda.find((i) => i.moduleType === 'board');
    if (!board?.columns?.length) throw new Error("the session's agenda has no note board");
    const columns = board.columns;

    for (const a of plan) {
      await opts.onStep?.(a.step);
      const s = screens[a.screen]!;
      report.actions[a.kind] = (report.actions[a.kind] ?? 0) + 1;
      act(a, s);
      await sleep(rng.int(opts.paceMs ?? 25));
    }
    for (const s of screens) if (s.offline) reconnect(s);

    function act(a: Action, s: Screen): void {
      const column = columns[a.pick % columns.length]!;
      switch (a.kind) {
        case 'add':
          return send(s, { type: 'note.add', payload: { itemId: board!.id, column, text: a.text } }, a.id);
        case 'edit':
          return send(s, { type: 'note.edit', payload: { noteId: a.target, text: a.text } }, a.id);
        case 'move':
          return send(s, { type: 'note.move', payload: { noteId: a.target, column } }, a.id);
        case 'delete':
          return send(s, { type: 'note.delete', payload: { noteId: a.target } }, a.id);
        case 'lock':
          return send(s, { type: 'board.lock', payload: { itemId: board!.id, locked: a.pick % 2 === 0 } }, a.id);
        case 'resend': {
          // The same command id again after (or while) the first went: the server must answer it as it did.
          const earlier = sent.get(a.target);
          if (earlier) send(s, earlier.body, earlier.id);
          return;
        }
        case 'twice': {
          // A second copy on the wire while the first is in flight (as a flaky network's retry does).
          const body: CommandInput = { type: 'note.add', payload: { itemId: board!.id, column, text: a.text } };
          send(s, body, a.id);
          s.client.socket.timeout(ackTimeoutMs).emit('command', { id: a.id, ...body }, (err: Error | null, r?: CommandResult) => {
            if (!err && r && (r.ok || !RETRYABLE.has(r.error.code))) sent.get(a.id)?.answers.push(r);
          });
          return;
        }
        case 'drop':
          return dropTransport(s.client);
        case 'flap': {
          // Dropped, and dropped again right behind the re-join it sends on reconnecting (its answer never comes).
          const c = s.client;
          c.socket.once('connect', () => dropTransport(c));
          return dropTransport(c);
        }
        case 'offline':
          s.offline = true;
          return s.client.goOffline();
        case 'online':
          return reconnect(s);
        case 'move-process':
          return moveToAnotherProcess(s);
      }
    }

    function reconnect(s: Screen): void {
      if (!s.offline) return;
      s.offline = false;
      s.client.reconnect();
    }

    /**
     * The same screen (its storage: a phone's token, the queue) on a new connection to another server, the old one
     * cut off, as a reload that the load balancer sends elsewhere.
     */
    function moveToAnotherProcess(s: Screen): void {
      dropTransport(s.client);
      s.client.close();
      // Its queue stays in the storage: the new connection sends it on joining; hear the answers there.
      const queued = s.client.snap.queued;
      s.url = (s.url + 1 + rng.int(Math.max(1, urls.length - 1))) % urls.length;
      s.client = connect(s.url, s.storage);
      s.offline = false;
      for (const { id, ...body } of queued) track(s, id, body as CommandInput, s.client.send(body as CommandInput, id));
      void s.client.join(s.who);
    }

    const settling = Date.now();
    await untilQuiet(screens, sent, opts, report);
    report.settleMs = Date.now() - settling;
    const stored = await opts.readStore();
    report.storedEvents = stored.events.length;
    report.problems.push(...checkConvergence(stored, screens.map((s) => ({ name: s.name, snap: s.client.snap })), [...sent.values()]));
  } catch (error) {
    report.problems.push(error instanceof Error ? error.message : String(error));
  } finally {
    for (const c of open) c.close();
  }
  for (const s of sent.values()) {
    report.commands++;
    const last = s.answers.at(-1);
    if (last?.ok) report.accepted++;
    else if (last) report.refused[last.error.code] = (report.refused[last.error.code] ?? 0) + 1;
  }
  for (const s of screens) {
    report.duplicateFrames += s.client.duplicates;
    report.gaps += s.client.gaps;
  }
  report.problems = report.problems.map((p) => `seed ${seed}: ${p}`);
  return report;
}

/** What a stuck screen's socket is doing, for the problem's sentence. */
function socketState(c: SessionClient): string {
  const m = c.socket.io as unknown as { _readyState?: string; _reconnecting?: boolean; skipReconnect?: boolean; backoff?: { attempts?: number } };
  return `(socket ${c.socket.connected ? 'connected' : 'disconnected'}, active ${c.socket.active}, manager ${m._readyState}, reconnecting ${m._reconnecting}, skip ${m.skipReconnect}, attempts ${m.backoff?.attempts})`;
}

/** Waits until every screen is online with nothing queued, every command answered, and all at one seq for a while. */
async function untilQuiet(screens: Screen[], sent: Map<string, Sent>, opts: RandomClientsOptions, report: RandomClientsReport): Promise<void> {
  const deadline = Date.now() + (opts.quietTimeoutMs ?? 30_000);
  let stableSince = 0;
  let lastSeq = -1;
  for (;;) {
    const unanswered = [...sent.values()].filter((s) => s.answers.length === 0);
    const busy = screens.filter((s) => s.client.snap.connection !== 'online' || s.client.snap.queued.length > 0);
    const seqs = new Set(screens.map((s) => s.client.snap.state.seq));
    const seq = screens[0]!.client.snap.state.seq;
    if (!unanswered.length && !busy.length && seqs.size === 1) {
      if (seq !== lastSeq) [stableSince, lastSeq] = [Date.now(), seq];
      if (Date.now() - stableSince > 500) return;
    } else stableSince = Date.now();
    if (Date.now() > deadline) {
      report.problems.push(
        `not quiet after ${opts.quietTimeoutMs ?? 30_000} ms: ${unanswered.length} commands unanswered (${unanswered.slice(0, 5).map((s) => `${s.by} ${s.body.type} ${s.id}`).join(', ')}); ` +
          `screens busy: ${busy.map((s) => `${s.name} ${s.client.snap.connection} queued ${s.client.snap.queued.length} ${socketState(s.client)}`).join(', ') || 'none'}; ` +
          `seqs: ${screens.map((s) => `${s.name} ${s.client.snap.state.seq}`).join(', ')}`,
      );
      return;
    }
    await sleep(50);
  }
}
