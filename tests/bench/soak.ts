/**
 * Soak: many sessions over time against one server child, to show that memory stays flat when sessions come and go.
 *
 *   npm run bench -- --soak --sessions 5000 --concurrency 20 --idle-ms 500
 *
 * Each session: created over HTTP, a facilitator and `--phones` phones join, the facilitator adds a board, each
 * phone posts `--notes` notes, everyone disconnects. The server runs with a short idle time (IDLE_UNLOAD_MINUTES)
 * so sessions leave memory, and with --expose-gc so it can report its heap after a full GC. The last line is
 *
 *   soak sessions=N heap_start_mb=X heap_warm_mb=Y heap_end_mb=Z live_sessions_end=L failures=F seconds=S
 *
 * heap_start is before the first session, heap_warm after the first tenth (code paths and caches warmed up),
 * heap_end once the last sessions had time to unload.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SessionClient } from '../../client/net/sessionClient.js';
import { startServer, type ServerProc, type ServerStats } from './server.js';
import { now, sleep } from './stats.js';

const log = (line: string): void => console.log(`[soak] ${line}`);
const FLAGS = { sessions: 1, concurrency: 1, 'idle-ms': 50, phones: 0, notes: 0 };
type Flag = keyof typeof FLAGS;

function parseArgs(argv: string[]): Record<Flag, number> {
  const o: Partial<Record<Flag, number>> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const name = a.replace(/^--/, '');
    if (!a.startsWith('--') || !(name in FLAGS)) throw new Error(`Unknown flag ${a} (soak takes ${Object.keys(FLAGS).join(', ')})`);
    const v = Number(argv[++i]);
    if (!Number.isFinite(v) || v < FLAGS[name as Flag]) throw new Error(`--${name} needs a number >= ${FLAGS[name as Flag]}`);
    o[name as Flag] = v;
  }
  return { sessions: 5000, concurrency: 20, 'idle-ms': 500, phones: 2, notes: 3, ...o };
}

const mb = (s: ServerStats | null): string => (s ? (s.heapUsed / 1024 / 1024).toFixed(1) : 'n/a');

async function oneSession(url: string, phones: number, notes: number): Promise<void> {
  const res = await fetch(`${url}/api/sessions`, { method: 'POST', body: JSON.stringify({ title: 'Soak' }) });
  if (res.status !== 201) throw new Error(`create: ${res.status} ${await res.text()}`);
  const s = (await res.json()) as { sessionId: string; joinCode: string; facilitatorKey: string };
  const clients: SessionClient[] = [];
  const open = (): SessionClient => {
    const c = new SessionClient({ url, transports: ['websocket'] });
    clients.push(c);
    return c;
  };
  try {
    const fac = open();
    const fj = await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
    if (!fj.ok) throw new Error(`facilitator: ${fj.error.message}`);
    const added = await fac.send({ type: 'agenda.addItem', payload: { item: { title: 'Board', plannedMinutes: 30, moduleType: 'board', columns: ['Notes'] } } });
    if (!added.ok) throw new Error(`addItem: ${added.error.message}`);
    for (let i = 0; i < 100 && !fac.snap.state.agenda[0]; i++) await sleep(10);
    const itemId = fac.snap.state.agenda[0]?.id;
    if (!itemId) throw new Error('no board item');
    await Promise.all(
      Array.from({ length: phones }, async (_, p) => {
        const phone = open();
        const pj = await phone.join({ role: 'participant', joinCode: s.joinCode, name: `Phone ${p + 1}` });
        if (!pj.ok) throw new Error(`phone: ${pj.error.message}`);
        for (let n = 0; n < notes; n++) {
          const r = await phone.send({ type: 'note.add', payload: { itemId, column: 'Notes', text: `Soak note ${n} from phone ${p + 1}` } });
          if (!r.ok) throw new Error(`note: ${r.error.message}`);
        }
      }),
    );
  } finally {
    for (const c of clients) c.close();
  }
}

export async function runSoak(argv: string[]): Promise<void> {
  const o = parseArgs(argv);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ft-soak-'));
  log(`sessions=${o.sessions} concurrency=${o.concurrency} idle_ms=${o['idle-ms']} phones=${o.phones} notes=${o.notes} cores=${os.cpus().length}`);
  let server: ServerProc | null = null;
  process.once('exit', () => server && !server.child.killed && server.child.kill('SIGKILL'));
  try {
    server = await startServer(dataDir, undefined, {
      nodeFlags: ['--expose-gc'],
      env: { IDLE_UNLOAD_MINUTES: String(o['idle-ms'] / 60_000) },
    });
    const srv = server;
    const start = await srv.stats();
    log(`start heap_mb=${mb(start)} live=${start?.liveSessions ?? 'n/a'}`);
    const t0 = now();
    let next = 0;
    let done = 0;
    let failures = 0;
    let warm: ServerStats | null = null;
    const warmAt = Math.max(1, Math.floor(o.sessions / 10));
    const step = Math.max(1, Math.floor(o.sessions / 10));
    const runner = async (): Promise<void> => {
      while (next < o.sessions) {
        next++;
        try {
          await oneSession(srv.url, o.phones, o.notes);
        } catch (e) {
          failures++;
          if (failures <= 5) log(`session failed: ${(e as Error).message}`);
        }
        done++;
        if (done === warmAt) warm = await srv.stats();
        if (done % step === 0) {
          const s = await srv.stats();
          log(`done=${done} heap_mb=${mb(s)} live=${s?.liveSessions ?? 'n/a'} elapsed_s=${((now() - t0) / 1000).toFixed(0)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: o.concurrency }, runner));
    // Let the last sessions pass their idle time and unload.
    await sleep(Math.min(o['idle-ms'] * 2 + 1000, 60_000));
    const end = await srv.stats();
    const seconds = ((now() - t0) / 1000).toFixed(0);
    console.log(
      `soak sessions=${o.sessions} heap_start_mb=${mb(start)} heap_warm_mb=${mb(warm)} heap_end_mb=${mb(end)} live_sessions_end=${end?.liveSessions ?? 'n/a'} failures=${failures} seconds=${seconds}`,
    );
    if (failures) process.exitCode = 1;
  } finally {
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
