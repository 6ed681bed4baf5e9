import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SessionClient } from '../../client/net/sessionClient.js';
import { CARRY_CODE_INVALID } from '../../server/carryImport.js';
import { plenaryOf, SYNTHESIS_COLUMNS } from '../../shared/modules/plenary/plenary.state.js';
import { workGroupsOf } from '../../shared/modules/workgroup/workgroup.state.js';
import type { CommandInput } from '../../shared/protocol/commands.js';
import type { SessionEvent } from '../../shared/session/events.js';
import { allNotes } from '../../shared/session/notes.js';
import { client, closeClients, createSession, SHIPPED_TEMPLATES, startServer, waitFor, type Created } from '../support/harness.js';

let app: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => (app = await startServer({ templatesDir: SHIPPED_TEMPLATES })));
afterAll(() => app.close());
afterEach(() => closeClients());

async function ok(c: SessionClient, body: CommandInput): Promise<number> {
  const r = await c.send(body);
  if (!r.ok) throw new Error(`${body.type} refused: ${r.error.message}`);
  await waitFor(() => c.snap.state.seq >= r.seq, `${body.type} back on the sender's screen`);
  return r.seq;
}
const refusal = async (c: SessionClient, body: CommandInput): Promise<string | null> => {
  const r = await c.send(body);
  return r.ok ? null : r.error.message;
};
const itemOf = (c: SessionClient, type: string): string => c.snap.state.agenda.find((i) => i.moduleType === type)?.id ?? 'missing';
const inStep = (cs: SessionClient[], seq: number) => waitFor(() => cs.every((c) => c.snap.state.seq >= seq), 'every screen in step');
/** Everything a screen receives live, as one string, to look for what must never reach it. */
function received(c: SessionClient): () => string {
  const frames: SessionEvent[][] = [];
  c.onEvents((events) => frames.push(events));
  return () => JSON.stringify(frames);
}

async function join(s: Created, as: 'facilitator' | 'board' | string): Promise<SessionClient> {
  const c = client(app);
  const how =
    as === 'facilitator'
      ? ({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey } as const)
      : as === 'board'
        ? ({ role: 'board', joinCode: s.joinCode } as const)
        : ({ role: 'participant', joinCode: s.joinCode, name: as } as const);
  expect((await c.join(how)).ok).toBe(true);
  return c;
}

/** A kick-off day at its afternoon: two groups (Safety: Ana, Ben; Permanency: Dee), Cy in none, each group's work written. */
async function kickoff() {
  const s = await createSession(app, { templateId: 'pip-kickoff' });
  const fac = await join(s, 'facilitator');
  for (const title of ['Safety', 'Permanency']) await ok(fac, { type: 'workgroup.addTheme', payload: { title } });
  await ok(fac, { type: 'workgroup.makeGroups', payload: {} });
  const [safety, permanency] = workGroupsOf(fac.snap.state).groups.map((g) => g.id) as [string, string];
  const [ana, ben, cy, dee] = await Promise.all(['Ana', 'Ben', 'Cy', 'Dee'].map((n) => join(s, n))) as [SessionClient, SessionClient, SessionClient, SessionClient];
  const board = await join(s, 'board');
  for (const [c, g] of [[ana, safety], [ben, safety], [dee, permanency]] as const) await ok(c, { type: 'workgroup.join', payload: { workGroupId: g } });
  await ok(ana, { type: 'workgroup.addAnswer', payload: { workGroupId: safety, field: 'recommendations', text: 'Fund kinship navigators' } });
  await ok(ben, { type: 'workgroup.addStrategy', payload: { workGroupId: safety, text: 'Safety plans reviewed monthly' } });
  await ok(dee, { type: 'workgroup.addAnswer', payload: { workGroupId: permanency, field: 'recommendations', text: 'Faster court dates' } });
  const answerId = (text: string) => Object.values(workGroupsOf(fac.snap.state).answers).find((a) => a.text === text)?.id ?? 'missing';
  await waitFor(() => Object.keys(workGroupsOf(fac.snap.state).answers).length === 2, 'the answers on the console');
  return { s, fac, ana, ben, cy, dee, board, safety, permanency, answerId };
}

describe('the large group over real sockets', () => {
  it('a question reaches only the group presenting (its members, its author and the console), never the board or other phones', async () => {
    const k = await kickoff();
    const seen = { ana: received(k.ana), ben: received(k.ben), dee: received(k.dee), board: received(k.board) };
    const ro = itemOf(k.fac, 'reportout');
    await ok(k.fac, { type: 'agenda.goto', payload: { itemId: ro } });
    const ask = (workGroupId: string, text: string) => ({ type: 'plenary.react', payload: { workGroupId, kind: 'question', text } }) as const;
    expect(await refusal(k.cy, ask(k.safety, 'Too early?'))).toBe('That group is not presenting now.');
    await ok(k.fac, { type: 'plenary.present', payload: { itemId: ro, workGroupId: k.safety, minutes: 3 } });
    expect(await refusal(k.cy, ask(k.permanency, 'Wrong group?'))).toBe('That group is not presenting now.');
    const head = await ok(k.cy, ask(k.safety, 'Who pays for the navigators?'));
    await inStep([k.fac, k.ana, k.ben, k.dee, k.board], head);
    const texts = (c: SessionClient) => plenaryOf(c.snap.state).reactions.map((r) => r.text);
    for (const c of [k.fac, k.ana, k.ben, k.cy]) expect(texts(c)).toEqual(['Who pays for the navigators?']);
    for (const c of [k.dee, k.board]) expect(texts(c)).toEqual([]);
    expect(seen.ana()).toContain('Who pays for the navigators?');
    for (const other of [seen.dee(), seen.board()]) expect(other).not.toContain('navigators?');
    // The board shows the group presenting with its timer, for everyone.
    expect(plenaryOf(k.board.snap.state).presenting).toMatchObject({ workGroupId: k.safety, timer: { status: 'idle', remainingMs: 180_000 } });
    // A fresh screen (a snapshot) follows the same rule.
    const deeAgain = await join(k.s, 'Dee 2');
    await ok(deeAgain, { type: 'workgroup.join', payload: { workGroupId: k.permanency } });
    expect(JSON.stringify(deeAgain.snap.state)).not.toContain('navigators?');
    const boardAgain = await join(k.s, 'board');
    expect(JSON.stringify(boardAgain.snap.state)).not.toContain('navigators?');
  });

  it('a pulled entry becomes a synthesis note linked to its group on every screen, and keeps the link once the answer is deleted', async () => {
    const k = await kickoff();
    const syn = itemOf(k.fac, 'synthesis');
    const pull = { type: 'plenary.pull', payload: { itemId: syn, column: SYNTHESIS_COLUMNS[3], workGroupId: k.safety, field: 'recommendations', sourceId: k.answerId('Fund kinship navigators') } } as const;
    expect(await refusal(k.ana, pull)).toBe('Only the facilitator can do that.');
    await ok(k.fac, pull);
    expect(await refusal(k.fac, pull)).toBe('That entry is already in this synthesis.');
    const head = await ok(k.fac, { type: 'flow.advance', payload: { itemId: syn, to: 'reveal' } });
    await inStep([k.ana, k.dee, k.board], head);
    for (const c of [k.fac, k.ana, k.dee, k.board]) {
      const note = allNotes(c.snap.state).find((n) => n.itemId === syn);
      expect(note?.text).toBe('Fund kinship navigators');
      expect(plenaryOf(c.snap.state).links[note?.id ?? '']).toMatchObject({ workGroupId: k.safety, groupName: 'Safety' });
    }
    const removed = await ok(k.ana, { type: 'workgroup.removeAnswer', payload: { answerId: k.answerId('Fund kinship navigators') } });
    await inStep([k.fac], removed);
    expect(Object.keys(plenaryOf(k.fac.snap.state).links)).toHaveLength(1);
    const md = await (await fetch(`${app.url}/api/sessions/${k.s.sessionId}/report.md`, { headers: { authorization: `Bearer ${k.s.facilitatorKey}` } })).text();
    expect(md).toContain('From the work groups');
    expect(md).toMatch(/Fund kinship navigators.*Recommendations for the PIP.*Safety.*Basic recommendations/);
  });

  it('a debrief imports the kick-off’s groups, work, synthesis with links and next steps by its carry-forward code', async () => {
    const k = await kickoff();
    const syn = itemOf(k.fac, 'synthesis');
    await ok(k.fac, { type: 'plenary.pull', payload: { itemId: syn, column: SYNTHESIS_COLUMNS[3], workGroupId: k.permanency, field: 'recommendations', sourceId: k.answerId('Faster court dates') } });
    await ok(k.fac, { type: 'plenary.addNextStep', payload: { itemId: itemOf(k.fac, 'nextsteps'), what: 'Send the draft PIP', owner: 'Dana', partner: 'regional-office', term: 'short', date: '2026-12-15' } });
    await ok(k.fac, { type: 'carry.makeCode', payload: {} });
    const code = k.fac.snap.state.carry.code ?? '';

    const d = await createSession(app, { templateId: 'pip-debrief' });
    const fac = await join(d, 'facilitator');
    const phone = await join(d, 'Eve');
    expect(await refusal(fac, { type: 'plenary.import', payload: { from: { code: `${k.s.sessionId}.wrong` } } })).toBe(CARRY_CODE_INVALID);
    expect(await refusal(phone, { type: 'plenary.import', payload: { from: { code } } })).toBe('Only the facilitator can do that.');
    const head = await ok(fac, { type: 'plenary.import', payload: { from: { code } } });
    await inStep([phone], head);
    for (const c of [fac, phone]) {
      const wg = workGroupsOf(c.snap.state);
      expect(wg.groups.map((g) => g.name)).toEqual(['Safety', 'Permanency']);
      expect(wg.themes.map((t) => t.title)).toEqual(['Safety', 'Permanency']);
      expect(Object.keys(wg.members)).toEqual([]);
      expect(Object.values(wg.answers).map((a) => a.text).sort()).toEqual(['Faster court dates', 'Fund kinship navigators']);
      expect(Object.values(wg.strategies).map((x) => x.text)).toEqual(['Safety plans reviewed monthly']);
      const p = plenaryOf(c.snap.state);
      expect(p.importedFrom?.title).toBe('Program Improvement Plan (PIP) kick-off day');
      expect(p.importedSynthesis).toEqual([expect.objectContaining({ text: 'Faster court dates', column: SYNTHESIS_COLUMNS[3], link: expect.objectContaining({ groupName: 'Permanency' }) })]);
      expect(p.nextSteps).toEqual([expect.objectContaining({ what: 'Send the draft PIP', itemId: itemOf(fac, 'nextsteps'), partner: 'regional-office' })]);
    }
    // Nothing of the kick-off's people comes along; a second import would mix groups and is refused.
    expect(JSON.stringify(fac.snap.state)).not.toContain('Ana');
    expect(await refusal(fac, { type: 'plenary.import', payload: { from: { code } } })).toBe(
      'This session already has themes or work groups: import the kick-off’s groups before making any here.',
    );
    const md = await (await fetch(`${app.url}/api/sessions/${d.sessionId}/report.md`, { headers: { authorization: `Bearer ${d.facilitatorKey}` } })).text();
    expect(md).toContain('Synthesis of Program Improvement Plan \\(PIP\\) kick-off day');
    expect(md).toContain('Send the draft PIP');
  });
});
