import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SessionClient } from '../../client/net/sessionClient.js';
import { NOT_YOUR_GROUP, PICK_A_GROUP } from '../../shared/modules/workgroup/workgroup.rules.js';
import { workGroupsOf } from '../../shared/modules/workgroup/workgroup.state.js';
import type { CommandInput } from '../../shared/protocol/commands.js';
import type { SessionEvent } from '../../shared/session/events.js';
import { client, closeClients, createSession, startServer, waitFor, type Created } from '../support/harness.js';

let app: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => (app = await startServer()));
afterAll(() => app.close());
afterEach(() => closeClients());

/** Sends and insists on acceptance. */
async function ok(c: SessionClient, body: CommandInput): Promise<void> {
  const r = await c.send(body);
  if (!r.ok) throw new Error(`${body.type} refused: ${r.error.message}`);
}
const refusal = async (c: SessionClient, body: CommandInput): Promise<string | null> => {
  const r = await c.send(body);
  return r.ok ? null : r.error.message;
};
const groups = (c: SessionClient) => workGroupsOf(c.snap.state).groups;

async function facilitator(s: Created): Promise<SessionClient> {
  const fac = client(app);
  expect((await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey })).ok).toBe(true);
  return fac;
}
async function phone(s: Created, name: string): Promise<SessionClient> {
  const c = client(app);
  expect((await c.join({ role: 'participant', joinCode: s.joinCode, name })).ok).toBe(true);
  return c;
}
/** Everything a screen receives live, as one string, to look for what must never reach it. */
function received(c: SessionClient): () => string {
  const frames: SessionEvent[][] = [];
  c.onEvents((events) => frames.push(events));
  return () => JSON.stringify(frames);
}

describe('work groups over real sockets', () => {
  it('a member of one group cannot change another group’s work or report-out; the facilitator sees all; a message reaches only its group', async () => {
    const s = await createSession(app);
    const fac = await facilitator(s);
    for (const title of ['Permanency', 'Safety']) await ok(fac, { type: 'workgroup.addTheme', payload: { title } });
    await ok(fac, { type: 'workgroup.makeGroups', payload: {} });
    await waitFor(() => groups(fac).length === 2, 'the groups on the console');
    const [A, B] = groups(fac).map((g) => g.id) as [string, string];
    const [ana, ben, cy, dee] = await Promise.all(['Ana', 'Ben', 'Cy', 'Dee'].map((n) => phone(s, n)));
    const board = client(app);
    await board.join({ role: 'board', joinCode: s.joinCode });
    const seen = { ana: received(ana!), ben: received(ben!), cy: received(cy!), dee: received(dee!), board: received(board) };
    for (const [c, g] of [[ana, A], [ben, A], [cy, B]] as const) await ok(c!, { type: 'workgroup.join', payload: { workGroupId: g } });
    await ok(ana!, { type: 'workgroup.lead', payload: { workGroupId: A } });
    await ok(ana!, { type: 'workgroup.addStrategy', payload: { workGroupId: A, text: 'Kinship placements first' } });
    await ok(ben!, { type: 'workgroup.addAnswer', payload: { workGroupId: A, field: 'recommendations', text: 'Fund kinship navigators' } });
    await ok(cy!, { type: 'workgroup.addAnswer', payload: { workGroupId: B, field: 'assistance', text: 'Data coaching' } });
    for (const c of [cy!, fac]) await waitFor(() => Object.keys(workGroupsOf(c.snap.state).answers).length === 2, 'the answers on every screen');
    const wgOf = (c: SessionClient) => workGroupsOf(c.snap.state);
    const strategyId = Object.keys(wgOf(cy!).strategies)[0]!;
    const answerId = Object.values(wgOf(cy!).answers).find((a) => a.workGroupId === A)!.id;

    // Cy (group B) tries everything on group A's work: every attempt is refused in our words, nothing changes.
    const before = JSON.stringify(wgOf(fac));
    const attempts: CommandInput[] = [
      { type: 'workgroup.addStrategy', payload: { workGroupId: A, text: 'Sneaky' } },
      { type: 'workgroup.editStrategy', payload: { strategyId, text: 'Rewritten by B' } },
      { type: 'workgroup.removeStrategy', payload: { strategyId } },
      { type: 'workgroup.addStep', payload: { strategyId, what: 'x', owner: 'y', byWhen: 'z' } },
      { type: 'workgroup.addAnswer', payload: { workGroupId: A, field: 'information', text: 'Sneaky' } },
      { type: 'workgroup.editAnswer', payload: { answerId, text: 'Rewritten by B' } },
      { type: 'workgroup.removeAnswer', payload: { answerId } },
      { type: 'workgroup.ready', payload: { workGroupId: A, ready: true } },
    ];
    for (const body of attempts) expect(await refusal(cy!, body), body.type).toBe(NOT_YOUR_GROUP);
    expect(await refusal(dee!, { type: 'workgroup.addAnswer', payload: { workGroupId: A, field: 'information', text: 'x' } })).toBe(PICK_A_GROUP);
    expect(await refusal(cy!, { type: 'workgroup.message', payload: { workGroupId: A, text: 'x' } })).toBe('Only the facilitator can do that.');
    expect(JSON.stringify(wgOf(fac))).toBe(before);

    // The facilitator sees and may change every group's work.
    expect(Object.values(wgOf(fac).answers).map((a) => a.text).sort()).toEqual(['Data coaching', 'Fund kinship navigators']);
    await ok(fac, { type: 'workgroup.editAnswer', payload: { answerId, text: 'Fund kinship navigators statewide' } });
    await ok(ana!, { type: 'workgroup.ready', payload: { workGroupId: A, ready: true } });

    // A message to group A: Ana's and Ben's phones and the console get it; Cy, Dee and the board get nothing of it.
    const secret = 'Group A: ten minutes left';
    await ok(fac, { type: 'workgroup.message', payload: { workGroupId: A, text: secret, warning: true } });
    await ok(fac, { type: 'workgroup.message', payload: { workGroupId: null, text: 'Everyone back at 3' } });
    const texts = (c: SessionClient) => wgOf(c).messages.map((m) => m.text);
    for (const c of [ana!, ben!, fac]) await waitFor(() => texts(c).length === 2, 'both messages');
    for (const c of [cy!, dee!, board]) await waitFor(() => texts(c).length === 1, 'the message to all');
    expect(texts(ana!)).toEqual([secret, 'Everyone back at 3']);
    expect(texts(cy!)).toEqual(['Everyone back at 3']);
    expect(seen.ana()).toContain(secret);
    expect(seen.ben()).toContain(secret);
    for (const other of [seen.cy, seen.dee, seen.board]) expect(other()).not.toContain(secret);
    // A screen joining afresh (its snapshot): a board never has it, the console does.
    const [boardAgain, consoleAgain] = [client(app), client(app)];
    await boardAgain.join({ role: 'board', joinCode: s.joinCode });
    expect(JSON.stringify(boardAgain.snap.state)).not.toContain(secret);
    await consoleAgain.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
    expect(JSON.stringify(consoleAgain.snap.state)).toContain(secret);
  });
});
