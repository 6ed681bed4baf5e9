import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SessionClient } from '../../client/net/sessionClient.js';
import { carriedIn, carriedLine } from '../../shared/modules/carry/carry.logic.js';
import { kinds } from '../../shared/modules/registry.js';
import type { CommandInput } from '../../shared/protocol/commands.js';
import { allNotes } from '../../shared/session/notes.js';
import { CARRY_CODE_INVALID, CARRY_OWN_CODE } from '../../server/carryImport.js';
import { client, closeClients, createSession, SHIPPED_TEMPLATES, startServer, waitFor, type Created } from '../support/harness.js';

let app: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  app = await startServer({ templatesDir: SHIPPED_TEMPLATES });
});
afterEach(() => closeClients());
afterAll(() => app.close());

async function ok(c: SessionClient, body: CommandInput): Promise<number> {
  const res = await c.send(body);
  if (!res.ok) throw new Error(`${body.type}: ${res.error.message}`);
  await waitFor(() => c.snap.state.seq >= res.seq, `${body.type} back on the sender's screen`);
  return res.seq;
}
const itemTitled = (c: SessionClient, title: string): string => c.snap.state.agenda.find((i) => i.title === title)?.id ?? 'missing';
const lines = (c: SessionClient): string[] => carriedIn(c.snap.state, kinds).map(carriedLine);

async function facilitator(s: Created): Promise<SessionClient> {
  const fac = client(app);
  expect((await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey })).ok).toBe(true);
  return fac;
}

/** A data retreat whose SWOT reached its results: "Court backlog" (Threats) 3 dots, "Youth board" (Strengths) 1. */
async function dataRetreat() {
  const s = await createSession(app, { templateId: 'data-retreat' });
  const fac = await facilitator(s);
  const ana = client(app);
  const board = client(app);
  expect((await ana.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' })).ok).toBe(true);
  expect((await board.join({ role: 'board', joinCode: s.joinCode })).ok).toBe(true);
  const swot = itemTitled(fac, 'SWOT analysis');
  await ok(ana, { type: 'note.add', payload: { itemId: swot, column: 'Threats', text: 'Court backlog' } });
  await ok(ana, { type: 'note.add', payload: { itemId: swot, column: 'Strengths', text: 'Youth board' } });
  for (const to of ['reveal', 'cluster', 'vote'] as const) await ok(fac, { type: 'flow.advance', payload: { itemId: swot, to } });
  await waitFor(() => allNotes(fac.snap.state).length === 2, 'both notes on the console');
  const noteId = (text: string) => allNotes(fac.snap.state).find((n) => n.text === text)?.id ?? 'missing';
  const dot = (text: string) => ok(ana, { type: 'flow.dot', payload: { itemId: swot, target: { kind: 'note', id: noteId(text) }, delta: 1 } });
  for (const text of ['Court backlog', 'Court backlog', 'Court backlog', 'Youth board']) await dot(text);
  const head = await ok(fac, { type: 'flow.advance', payload: { itemId: swot, to: 'results' } });
  await waitFor(() => [fac, ana, board].every((c) => c.snap.state.seq >= head), 'every screen at the results');
  const carry = (text: string, carried = true) =>
    ok(fac, { type: 'flow.carry', payload: { itemId: swot, target: { kind: 'note', id: noteId(text) }, carried } });
  return { s, fac, ana, board, carry };
}

describe('carry forward over real sockets', () => {
  it('the priorities item takes the carried items: every screen lists them ranked with their dots, live as they are marked', async () => {
    const { fac, ana, board, carry } = await dataRetreat();
    const priorities = fac.snap.state.agenda.find((i) => i.title === 'Priorities to carry forward');
    expect(priorities?.input).toBe('carried');
    await carry('Youth board');
    await carry('Court backlog');
    const want = ['Court backlog (Threats, 3 dots)', 'Youth board (Strengths, 1 dot)'];
    for (const c of [fac, ana, board]) await waitFor(() => lines(c).length === 2, 'both carried items on every screen');
    for (const c of [fac, ana, board]) expect(lines(c)).toEqual(want);
    await carry('Youth board', false);
    for (const c of [fac, ana, board]) await waitFor(() => lines(c).length === 1, 'the unmarked item gone');
    expect(lines(board)).toEqual(['Court backlog (Threats, 3 dots)']);
  });

  it('a later session imports the carried list by code as its own data; a wrong, foreign or own code is refused with our sentence', async () => {
    const a = await dataRetreat();
    await a.carry('Court backlog');
    await a.carry('Youth board');
    await ok(a.fac, { type: 'carry.makeCode', payload: {} });
    const code = a.fac.snap.state.carry.code ?? '';
    expect(code.startsWith(`${a.s.sessionId}.`)).toBe(true);
    // The code is the facilitator's: the phone and the board never receive it.
    await waitFor(() => a.board.snap.state.seq >= a.fac.snap.state.seq && a.ana.snap.state.seq >= a.fac.snap.state.seq, 'screens in step');
    expect(JSON.stringify(a.board.snap.state)).not.toContain(code);
    expect(a.ana.snap.state.carry.code).toBeNull();

    const b = await createSession(app, { templateId: 'vision-retreat' });
    const fac = await facilitator(b);
    const phone = client(app);
    expect((await phone.join({ role: 'participant', joinCode: b.joinCode, name: 'Bo' })).ok).toBe(true);
    const before = fac.snap.state.seq;
    const refusal = async (from: object) => {
      const res = await fac.send({ type: 'carry.import', payload: { from } } as CommandInput);
      return res.ok ? 'accepted' : res.error.message;
    };
    const secret = code.slice(code.indexOf('.') + 1);
    for (const wrong of [
      `${a.s.sessionId}.${secret.slice(1)}x`, // the right session, a wrong secret
      `nosuchsession.${secret}`, // a session that does not exist
      `${a.s.sessionId}`, // no secret at all
      `constructor.${secret}`,
    ])
      expect(await refusal({ code: wrong })).toBe(CARRY_CODE_INVALID);
    // A share link of the same session is not a carry-forward code.
    await ok(a.fac, { type: 'report.share', payload: { scope: { kind: 'session' } } });
    expect(await refusal({ code: a.fac.snap.state.sharedReport?.shareId ?? '' })).toBe(CARRY_CODE_INVALID);
    // Its id with another session's key opens nothing either.
    expect(await refusal({ sessionId: a.s.sessionId, facilitatorKey: b.facilitatorKey })).toBe(CARRY_CODE_INVALID);
    expect(await refusal({ code: '' })).toBe('Paste the carry-forward code.');
    await ok(fac, { type: 'carry.makeCode', payload: {} });
    expect(await refusal({ code: fac.snap.state.carry.code ?? '' })).toBe(CARRY_OWN_CODE);
    // A phone cannot import.
    const phoneTry = await phone.send({ type: 'carry.import', payload: { from: { code } } });
    expect(phoneTry.ok ? 'accepted' : phoneTry.error.message).toBe('Only the facilitator can do that.');
    expect(fac.snap.state.carry.imports).toEqual([]);
    expect(fac.snap.state.seq).toBe(before + 1); // only its own code was made

    await ok(fac, { type: 'carry.import', payload: { from: { code } } });
    const want = ['Court backlog (Threats, from Data retreat: Where are we now?, 3 dots)', 'Youth board (Strengths, from Data retreat: Where are we now?, 1 dot)'];
    await waitFor(() => lines(phone).length === 2, 'the imported items on the phone');
    expect(lines(fac)).toEqual(want);
    expect(lines(phone)).toEqual(want);
    // The phone learns the list, not where it came from.
    expect(JSON.stringify(phone.snap.state)).not.toContain(a.s.sessionId);

    // A new code stops the old one; the earlier session deleted, the import stays.
    await ok(a.fac, { type: 'carry.makeCode', payload: {} });
    expect(await refusal({ code })).toBe(CARRY_CODE_INVALID);
    await ok(a.fac, { type: 'session.delete', payload: {} });
    expect(await refusal({ code: a.fac.snap.state.carry.code ?? '' })).toBe(CARRY_CODE_INVALID);
    const late = client(app);
    expect((await late.join({ role: 'participant', joinCode: b.joinCode, name: 'Cy' })).ok).toBe(true);
    expect(lines(late)).toEqual(want);
  });

  it('keeps an import across a restart, with the earlier session deleted', async () => {
    const a = await dataRetreat();
    await a.carry('Court backlog');
    const b = await createSession(app, { templateId: 'vision-retreat' });
    const fac = await facilitator(b);
    await ok(fac, { type: 'carry.import', payload: { from: { sessionId: a.s.sessionId, facilitatorKey: a.s.facilitatorKey } } });
    await ok(a.fac, { type: 'session.delete', payload: {} });
    closeClients();
    const port = app.port;
    await app.close();
    app = await startServer({ templatesDir: SHIPPED_TEMPLATES, dataDir: app.dataDir, port });
    const again = await facilitator(b);
    expect(lines(again)).toEqual(['Court backlog (Threats, from Data retreat: Where are we now?, 3 dots)']);
  });

  it('imports by the earlier session’s id and facilitator key (the browser’s list of its sessions)', async () => {
    const a = await dataRetreat();
    await a.carry('Youth board');
    const b = await createSession(app, { templateId: 'vision-retreat' });
    const fac = await facilitator(b);
    await ok(fac, { type: 'carry.import', payload: { from: { sessionId: a.s.sessionId, facilitatorKey: a.s.facilitatorKey } } });
    expect(lines(fac)).toEqual(['Youth board (Strengths, from Data retreat: Where are we now?, 1 dot)']);
    // Importing again after more was marked replaces the list.
    await a.carry('Court backlog');
    await ok(fac, { type: 'carry.import', payload: { from: { sessionId: a.s.sessionId, facilitatorKey: a.s.facilitatorKey } } });
    expect(fac.snap.state.carry.imports).toHaveLength(1);
    expect(lines(fac)).toHaveLength(2);
  });
});
