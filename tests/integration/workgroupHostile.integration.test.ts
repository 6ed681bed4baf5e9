import { afterEach, describe, expect, it } from 'vitest';
import type { SessionClient } from '../../client/net/sessionClient.js';
import { DEFAULT_LIMITS } from '../../server/limits.js';
import { plenaryOf } from '../../shared/modules/plenary/plenary.state.js';
import { workGroupsOf } from '../../shared/modules/workgroup/workgroup.state.js';
import { messagesOf } from '../../shared/modules/workgroup/workgroup.view.js';
import type { CommandInput } from '../../shared/protocol/commands.js';
import { SAY } from '../../server/sentences.js';
import { memoryStorage, participantTokenOf } from '../../client/net/sessionClient.js';
import { errorOf, getWith } from '../support/reportServer.js';
import { client, closeClients, createSession, GENEROUS_LIMITS, itemOfType, startServer, tempDir, waitFor, type Created } from '../support/harness.js';

type App = Awaited<ReturnType<typeof startServer>>;
const apps: App[] = [];
afterEach(async () => {
  closeClients();
  for (const a of apps.splice(0)) await a.close();
});
async function server(opts: Parameters<typeof startServer>[0] = {}): Promise<App> {
  const app = await startServer(opts);
  apps.push(app);
  return app;
}
async function ok(c: SessionClient, body: CommandInput): Promise<void> {
  const r = await c.send(body);
  if (!r.ok) throw new Error(`${body.type} refused: ${r.error.message}`);
}
async function facilitator(app: App, s: Created): Promise<SessionClient> {
  const fac = client(app);
  expect((await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey })).ok).toBe(true);
  return fac;
}
async function phone(app: App, s: Created, name: string): Promise<SessionClient> {
  const c = client(app);
  expect((await c.join({ role: 'participant', joinCode: s.joinCode, name })).ok).toBe(true);
  return c;
}
/** Two groups (Permanency, Safety) made from their themes; their ids. */
async function twoGroups(fac: SessionClient): Promise<[string, string]> {
  for (const title of ['Permanency', 'Safety']) await ok(fac, { type: 'workgroup.addTheme', payload: { title } });
  await ok(fac, { type: 'workgroup.makeGroups', payload: {} });
  await waitFor(() => workGroupsOf(fac.snap.state).groups.length === 2, 'the groups on the console');
  return workGroupsOf(fac.snap.state).groups.map((g) => g.id) as [string, string];
}

describe('a hostile phone in the work groups, on the real server', () => {
  it('flooding a group’s report-out or the room’s questions is slowed per participant, in our words', async () => {
    const app = await server({ limits: { ...DEFAULT_LIMITS, ...GENEROUS_LIMITS, notesPerMinute: 3 } });
    const s = await createSession(app);
    const fac = await facilitator(app, s);
    const [A] = await twoGroups(fac);
    const ana = await phone(app, s, 'Ana');
    await ok(ana, { type: 'workgroup.join', payload: { workGroupId: A } });
    // Straight on the socket: the phone's own client keeps a slowed entry and sends it again later.
    const raw = (c: SessionClient, i: number, body: CommandInput): Promise<{ ok: boolean }> =>
      c.socket.timeout(3000).emitWithAck('command', { id: `flood-${i}-abcdefgh`, ...body }) as Promise<{ ok: boolean }>;
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await raw(ana, i, { type: 'workgroup.addAnswer', payload: { workGroupId: A, field: 'recommendations', text: `Flood ${i}` } }));
    answers.push(await raw(ana, 9, { type: 'workgroup.addStep', payload: { strategyId: 'any', what: 'x', owner: '', byWhen: '' } }));
    expect(answers.filter((a) => a.ok)).toHaveLength(3);
    const slowed = { code: 'rate_limited', message: 'You are writing very fast (at most 3 entries a minute). What you wrote is kept and will be sent in a moment.' };
    expect(answers.slice(3)).toEqual([{ ok: false, error: slowed }, { ok: false, error: slowed }]);
    // Another member has a budget of their own; the facilitator is never slowed.
    const ben = await phone(app, s, 'Ben');
    await ok(ben, { type: 'workgroup.join', payload: { workGroupId: A } });
    expect((await ben.send({ type: 'workgroup.addStrategy', payload: { workGroupId: A, text: 'Mine' } })).ok).toBe(true);
    for (let i = 0; i < 5; i++) await ok(fac, { type: 'workgroup.addAnswer', payload: { workGroupId: A, field: 'assistance', text: `Fac ${i}` } });
  });

  it('two phones taking a group’s last place at once: exactly one gets it, the other reads why', async () => {
    const app = await server();
    const s = await createSession(app);
    const fac = await facilitator(app, s);
    const [A] = await twoGroups(fac);
    await ok(fac, { type: 'workgroup.configure', payload: { capacity: 1, selfSelect: true } });
    const phones = await Promise.all(['Ana', 'Ben', 'Cy', 'Dee'].map((n) => phone(app, s, n)));
    const results = await Promise.all(phones.map((c) => c.send({ type: 'workgroup.join', payload: { workGroupId: A } })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) expect(r).toEqual({ ok: false, error: { code: 'conflict', message: '“Permanency” is full: pick another group.' } });
  });
});

describe('a member’s own group PDF and tokens that are not a member’s', () => {
  it('a removed participant’s token opens nothing, though their group is ready', async () => {
    const app = await server();
    const s = await createSession(app);
    const fac = await facilitator(app, s);
    await ok(fac, { type: 'agenda.addItem', payload: { item: { title: 'Theme work groups', plannedMinutes: 60, moduleType: 'workgroups' } } });
    const [A] = await twoGroups(fac);
    const storage = memoryStorage();
    const ana = client(app, storage);
    expect((await ana.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' })).ok).toBe(true);
    const token = participantTokenOf(storage, s.joinCode)!;
    await ok(ana, { type: 'workgroup.join', payload: { workGroupId: A } });
    await ok(ana, { type: 'workgroup.addAnswer', payload: { workGroupId: A, field: 'recommendations', text: 'Kinship first' } });
    await ok(fac, { type: 'workgroup.ready', payload: { workGroupId: A, ready: true } });
    const url = `/api/sessions/${s.sessionId}/items/${itemOfType(fac, 'workgroups')}/my-group/report.pdf`;
    expect((await getWith(app, url, token)).status).toBe(200);
    await ok(fac, { type: 'people.remove', payload: { participantId: ana.snap.participantId! } });
    const gone = await getWith(app, url, token);
    expect(gone.status).toBe(403);
    expect(await errorOf(gone)).toBe(SAY.groupPdfNeedsMember);
  }, 30_000);
});

describe('an unlucky room', () => {
  it('a phone offline while put in a group catches up on reconnecting: its group, its messages and questions, never another group’s', async () => {
    const app = await server();
    const s = await createSession(app);
    const fac = await facilitator(app, s);
    await ok(fac, { type: 'agenda.addItem', payload: { item: { title: 'Report-outs', plannedMinutes: 30, moduleType: 'reportout' } } });
    const [A, B] = await twoGroups(fac);
    const ana = await phone(app, s, 'Ana');
    const ben = await phone(app, s, 'Ben');
    const anaId = ana.snap.participantId!;
    ana.goOffline();
    await ok(fac, { type: 'workgroup.assign', payload: { participantId: anaId, workGroupId: A } });
    await ok(fac, { type: 'workgroup.assign', payload: { participantId: ben.snap.participantId!, workGroupId: B } });
    await ok(fac, { type: 'workgroup.message', payload: { workGroupId: A, text: 'For A: ten minutes left' } });
    await ok(fac, { type: 'workgroup.message', payload: { workGroupId: B, text: 'For B only' } });
    await ok(fac, { type: 'plenary.present', payload: { itemId: itemOfType(fac, 'reportout'), workGroupId: A } });
    await ok(ben, { type: 'plenary.react', payload: { workGroupId: A, kind: 'question', text: 'How many homes?' } });
    ana.reconnect();
    await waitFor(() => workGroupsOf(ana.snap.state).members[anaId] === A, 'Ana in her group after reconnecting');
    await waitFor(() => plenaryOf(ana.snap.state).reactions.length === 1, 'the question to her group');
    expect(messagesOf(ana.snap.state, A).map((m) => m.text)).toEqual(['For A: ten minutes left']);
    expect(JSON.stringify(ana.snap.state)).not.toContain('For B only');
    // Live again: what is sent to her group now arrives, what is sent to the other group does not.
    await ok(fac, { type: 'workgroup.message', payload: { workGroupId: B, text: 'Second for B' } });
    await ok(fac, { type: 'workgroup.message', payload: { workGroupId: A, text: 'Second for A' } });
    await waitFor(() => messagesOf(ana.snap.state, A).length === 2, 'the live message');
    expect(JSON.stringify(ana.snap.state)).not.toContain('for B');
  });

  it('a restart mid-afternoon reloads the groups from SQLite, and a running group timer keeps its end time', async () => {
    const dataDir = tempDir();
    let app = await startServer({ dataDir });
    const s = await createSession(app);
    const fac = await facilitator(app, s);
    const [A, B] = await twoGroups(fac);
    await ok(fac, { type: 'workgroup.timer', payload: { workGroupId: A, action: 'start', minutes: 20 } });
    await ok(fac, { type: 'workgroup.timer', payload: { workGroupId: B, action: 'start', minutes: 15 } });
    await ok(fac, { type: 'workgroup.timer', payload: { workGroupId: B, action: 'pause' } });
    await ok(fac, { type: 'workgroup.addAnswer', payload: { workGroupId: A, field: 'recommendations', text: 'Kept across a restart' } });
    // The session timer changing does not move a group's own (paused or running) timer.
    await ok(fac, { type: 'timer.start', payload: {} });
    await waitFor(() => fac.snap.state.timer.status === 'running' && workGroupsOf(fac.snap.state).groups[1]?.timer?.status === 'paused', 'the timers on the console');
    const before = workGroupsOf(fac.snap.state).groups.map((g) => g.timer);
    expect(before[0]?.endsAt).not.toBeNull();
    expect(before[1]).toMatchObject({ status: 'paused', endsAt: null });
    closeClients();
    await app.close();
    app = await startServer({ dataDir, port: app.port });
    apps.push(app);
    const again = await facilitator(app, s);
    const wg = workGroupsOf(again.snap.state);
    expect(wg.groups.map((g) => g.timer)).toEqual(before);
    expect(Object.values(wg.answers).map((a) => a.text)).toEqual(['Kept across a restart']);
  });
});
