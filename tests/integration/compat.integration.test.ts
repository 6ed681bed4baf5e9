import type { SessionState } from '../../shared/session/state.js';
import { sessionContext } from '../../shared/modules/vision/vision.context.js';
import { initialWorkGroups } from '../../shared/modules/workgroup/workgroup.state.js';
import { initialPlenary } from '../../shared/modules/plenary/plenary.state.js';
import fs from 'node:fs';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JoinResult } from '../../shared/protocol/join.js';
import { PROTOCOL_VERSION } from '../../shared/protocol/limits.js';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol/socket.js';
import { memoryStorage } from '../../client/net/sessionClient.js';
import { notesOfItem } from '../../shared/session/notes.js';
import { dbPath } from '../support/db.js';
import { client, closeClients, SHIPPED_TEMPLATES, startServer, tempDir, waitFor } from '../support/harness.js';
import { reduce } from '../../shared/modules/registry.js';

/**
 * A database written by main before the module contract (tests/fixtures/makeCompatDb.ts: a data retreat and a
 * vision retreat with notes, clusters, dots, results, carry, data cards, fist-to-five, crosswalk, late entries, an
 * erased note and snapshots) must load in today's server with the very same state for every screen.
 */
interface Stored {
  sessionId: string;
  joinCode: string;
  facilitatorKey: string;
  participantToken: string;
  facilitatorState: { seq: number; agenda: { id: string; title: string }[] };
  participantState: { seq: number };
}
const FIXTURES = path.resolve('tests/fixtures');
const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'main-v2.expected.json'), 'utf8')) as Record<'data' | 'vision', Stored>;
const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x));
/** Modules added after the fixture was written start at their initial slice (carry forward, work groups, the large group, the values survey, the eco-map). */
const withLaterSlices = (state: object): unknown => ({ ...state, carry: { code: null, imports: [] }, workgroups: plain(initialWorkGroups()), plenary: plain(initialPlenary()), values: {}, ecomaps: {} });
/**
 * The state without what this version also derives from the same events and the stored one did not have: the time
 * on each item (itemTime.ts) and each voter's dot order (kept since lowering the vote limits takes back the latest dots).
 */
const withoutItemTime = (s: SessionState): unknown =>
  plain({
    ...s,
    onItemMs: undefined,
    enteredAt: undefined,
    flows: Object.fromEntries(Object.entries(s.flows).map(([id, { order: _order, ...f }]) => [id, f])),
  });

let app: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  const dataDir = tempDir('ft-compat-');
  fs.copyFileSync(path.join(FIXTURES, 'main-v2.sqlite'), dbPath(dataDir));
  // The fixture's sessions were last active when it was written: keep them however long ago that was.
  app = await startServer({ dataDir, templatesDir: SHIPPED_TEMPLATES, retentionDays: 365 * 1000 });
});
afterEach(() => closeClients());
afterAll(() => app.close());

async function facilitator(s: Stored) {
  const fac = client(app);
  const res = await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
  expect(res.ok).toBe(true);
  return fac;
}

async function participant(s: Stored) {
  const storage = memoryStorage();
  storage.setItem(`ft:token:${s.joinCode}`, s.participantToken);
  const phone = client(app, storage);
  const res = await phone.join({ role: 'participant', joinCode: s.joinCode });
  expect(res.ok).toBe(true);
  return phone;
}

/** The whole stored log as events, for a screen that says it holds nothing yet (lastSeq 0). */
async function fromTheLog(s: Stored) {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(app.url, { transports: ['websocket'], forceNew: true, auth: { protocol: PROTOCOL_VERSION } });
  try {
    const res = await new Promise<JoinResult>((resolve) =>
      socket.emit('join', { role: 'facilitator', protocol: PROTOCOL_VERSION, sessionId: s.sessionId, facilitatorKey: s.facilitatorKey, lastSeq: 0 }, resolve),
    );
    if (!res.ok || res.catchUp.kind !== 'events') throw new Error('expected the log as events');
    return res.catchUp.events;
  } finally {
    socket.close();
  }
}

describe('a database written before the module contract', () => {
  for (const name of ['data', 'vision'] as const) {
    const s = expected[name];
    it(`loads the ${name} retreat with the same state for the facilitator and a participant, from snapshot and from the log`, async () => {
      const fac = await facilitator(s);
      expect(withoutItemTime(fac.snap.state)).toEqual(withLaterSlices(s.facilitatorState));
      const phone = await participant(s);
      expect(withoutItemTime(phone.snap.state)).toEqual(withLaterSlices(s.participantState));
      const events = await fromTheLog(s);
      expect(events).toHaveLength(s.facilitatorState.seq);
      // Replayed today, the log also records the seq of the last saved vision context (the session's context, see
      // vision.context.ts) and the time on each item (itemTime.ts); the snapshot written before lacks both.
      const replayed = reduce(events);
      expect(sessionContext(replayed)).toEqual(sessionContext(fac.snap.state));
      const vision = Object.fromEntries(Object.entries(replayed.vision).map(([id, v]) => [id, { ...v, contextSeq: undefined }]));
      expect(Object.keys(replayed.onItemMs ?? {}).length).toBeGreaterThan(0);
      expect(withoutItemTime({ ...replayed, vision })).toEqual(withLaterSlices(s.facilitatorState));
    });
  }

  it('takes new commands on the stored data retreat, and refuses them on the ended vision retreat', async () => {
    const s = expected.data;
    const fac = await facilitator(s);
    const phone = await participant(s);
    const extra = s.facilitatorState.agenda.find((i) => i.title === 'Extra: open questions')!.id;
    expect((await fac.send({ type: 'agenda.goto', payload: { itemId: extra } })).ok).toBe(true);
    const posted = await phone.send({ type: 'note.add', payload: { itemId: extra, column: 'Notes', text: 'Still here after the upgrade' } });
    if (!posted.ok) throw new Error(posted.error.message);
    await waitFor(() => fac.snap.state.seq >= posted.seq, 'the note on the console');
    expect(notesOfItem(fac.snap.state, extra).map((n) => [n.text, n.authorName])).toEqual([['Still here after the upgrade', 'José Núñez']]);

    const ended = await facilitator(expected.vision);
    expect(await ended.send({ type: 'timer.start', payload: {} })).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'This session has ended: it is read-only now.' },
    });
  });
});
