import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SessionClient } from '../../client/net/sessionClient.js';
import { flowOf, targetKey } from '../../shared/modules/flow/flow.logic.js';
import { PHASES, type Phase, type VoteTarget } from '../../shared/modules/flow/flow.state.js';
import { currentRound, visionOf } from '../../shared/modules/vision/vision.logic.js';
import type { CommandInput } from '../../shared/protocol/commands.js';
import { allNotes } from '../../shared/session/notes.js';
import { client, closeClients, createSession, itemOfType, startServer, waitFor, type Created } from '../support/harness.js';

let app: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  app = await startServer();
});
afterEach(() => {
  closeClients();
  head = 0; // seqs are per session
});
afterAll(() => app.close());

/** Every payload that reached this client's socket: live frames and join answers alike. */
function wiretap(c: SessionClient): string[] {
  const seen: string[] = [];
  c.socket.onAny((...args: unknown[]) => seen.push(JSON.stringify(args)));
  return seen;
}

async function joinAll(s: Created, names: string[]) {
  const fac = client(app);
  await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
  const phones: SessionClient[] = [];
  const wires: string[][] = [];
  for (const name of names) {
    const p = client(app);
    wires.push(wiretap(p));
    const res = await p.join({ role: 'participant', joinCode: s.joinCode, name });
    expect(res.ok).toBe(true);
    wires[wires.length - 1]!.push(JSON.stringify(res));
    phones.push(p);
  }
  return { fac, phones, wires };
}

/** The highest seq any command was acknowledged with: what every screen must reach to be in step. */
let head = 0;
async function ok(c: SessionClient, body: CommandInput): Promise<void> {
  const res = await c.send(body);
  if (!res.ok) throw new Error(`${body.type}: ${res.error.message}`);
  head = Math.max(head, res.seq);
}
const inStep = (clients: SessionClient[], what = 'every screen in step') =>
  waitFor(() => clients.every((c) => c.snap.state.seq >= head), what);

async function advance(fac: SessionClient, itemId: string, to: Phase, all: SessionClient[]): Promise<void> {
  for (const phase of PHASES.slice(PHASES.indexOf(flowOf(fac.snap.state, itemId).phase) + 1, PHASES.indexOf(to) + 1))
    await ok(fac, { type: 'flow.advance', payload: { itemId, to: phase } });
  await waitFor(() => all.every((c) => flowOf(c.snap.state, itemId).phase === to), `everyone at ${to}`);
}

describe('SWOT over real sockets', () => {
  it('during the brainstorm no phone and no board receives another participant\'s note text, live or on joining', async () => {
    const s = await createSession(app);
    const { fac, phones, wires } = await joinAll(s, ['Ana', 'Ben']);
    const [ana, ben] = phones as [SessionClient, SessionClient];
    const swot = itemOfType(fac, 'swot');
    const board = client(app);
    const boardWire = wiretap(board);
    boardWire.push(JSON.stringify(await board.join({ role: 'board', joinCode: s.joinCode })));

    await ok(ana, { type: 'note.add', payload: { itemId: swot, column: 'Threats', text: 'ANA-SECRET court backlog' } });
    await ok(ben, { type: 'note.add', payload: { itemId: swot, column: 'Strengths', text: 'BEN-SECRET youth board' } });
    await inStep([ana, ben, fac, board]);
    await ok(ana, { type: 'note.edit', payload: { noteId: allNotes(ana.snap.state).find((n) => n.authorId)!.id, text: 'ANA-SECRET-EDIT backlog' } });
    // A phone that joins mid-brainstorm (snapshot) and one that reconnects (missed events) learn nothing either.
    const late = client(app);
    const lateWire = wiretap(late);
    lateWire.push(JSON.stringify(await late.join({ role: 'participant', joinCode: s.joinCode, name: 'Late' })));
    ben.goOffline();
    await ok(ana, { type: 'note.add', payload: { itemId: swot, column: 'Threats', text: 'ANA-SECRET-2 while Ben was away' } });
    ben.reconnect();
    await waitFor(() => ben.snap.connection === 'online', 'Ben back');
    await inStep([ana, ben, fac, board, late]);

    expect(wires[1]!.join('\n')).not.toContain('ANA-SECRET');
    expect(wires[0]!.join('\n')).not.toContain('BEN-SECRET');
    for (const w of [boardWire, lateWire]) expect(w.join('\n')).not.toMatch(/ANA-SECRET|BEN-SECRET/);
    // They do see how many notes there are, per quadrant (the board shows counts).
    const counts = (c: SessionClient) => allNotes(c.snap.state).filter((n) => n.itemId === swot).map((n) => n.column).sort();
    expect(counts(board)).toEqual(['Strengths', 'Threats', 'Threats']);
    expect(counts(ben)).toEqual(counts(fac));
    expect(allNotes(fac.snap.state).map((n) => n.text).sort()).toEqual(['ANA-SECRET-2 while Ben was away', 'ANA-SECRET-EDIT backlog', 'BEN-SECRET youth board']);

    // After the reveal everyone reads every note, and still not who wrote it.
    await advance(fac, swot, 'reveal', [fac, ana, ben, board, late]);
    expect(allNotes(board.snap.state).map((n) => n.text).sort()).toEqual(allNotes(fac.snap.state).map((n) => n.text).sort());
    expect(wires[1]!.join('\n')).toContain('ANA-SECRET');
    expect(boardWire.join('\n')).not.toMatch(/"authorName":"(Ana|Ben)"/);
    expect(allNotes(ana.snap.state).filter((n) => n.authorId === ana.snap.participantId)).toHaveLength(2);
  });

  it('during the vote no phone receives another participant\'s dots; 50 voters\' results are exact', async () => {
    const s = await createSession(app);
    const names = Array.from({ length: 50 }, (_, i) => `Voter ${i + 1}`);
    const { fac, phones, wires } = await joinAll(s, names);
    const swot = itemOfType(fac, 'swot');
    const board = client(app);
    await board.join({ role: 'board', joinCode: s.joinCode });
    const quads = ['Strengths', 'Weaknesses', 'Opportunities', 'Threats'];
    for (let i = 0; i < 8; i++)
      await ok(phones[i]!, { type: 'note.add', payload: { itemId: swot, column: quads[i % 4]!, text: `idea ${i}` } });
    await advance(fac, swot, 'cluster', [fac, ...phones]);
    const byText = (t: string) => allNotes(fac.snap.state).find((n) => n.text === t)!.id;
    await ok(phones[9]!, { type: 'flow.group', payload: { noteId: byText('idea 4'), onto: { kind: 'note', id: byText('idea 0') } } });
    await inStep([fac, ...phones]);
    const groupId = allNotes(fac.snap.state).find((n) => n.groupId)!.groupId!;
    await advance(fac, swot, 'vote', [fac, ...phones, board]);

    const targets: VoteTarget[] = [
      { kind: 'group', id: groupId },
      ...['idea 1', 'idea 2', 'idea 3', 'idea 5', 'idea 6', 'idea 7'].map((t) => ({ kind: 'note' as const, id: byText(t) })),
    ];
    let x = 7;
    const rnd = (n: number) => ((x = (x * 48271) % 2147483647), x % n);
    const expected: Record<string, number> = {};
    const wireFrom = wires.map((w) => w.length);
    await Promise.all(
      phones.map(async (p, i) => {
        for (let k = 0; k < 7; k++) {
          const target = targets[rnd(targets.length)]!;
          const delta = k === 6 && i % 5 === 0 ? -1 : 1;
          const res = await p.send({ type: 'flow.dot', payload: { itemId: swot, target, delta } });
          if (res.ok) {
            expected[targetKey(target)] = (expected[targetKey(target)] ?? 0) + delta;
            head = Math.max(head, res.seq);
          }
        }
      }),
    );
    await ok(fac, { type: 'flow.dot', payload: { itemId: swot, target: targets[1]!, delta: 1, onBehalfOf: 'Judge Lee' } });
    expected[targetKey(targets[1]!)] = (expected[targetKey(targets[1]!)] ?? 0) + 1;
    await inStep([fac, board, ...phones]);

    for (const [i, p] of phones.entries()) {
      const mine = p.snap.participantId!;
      const dots = flowOf(p.snap.state, swot).dots;
      expect(Object.keys(dots).filter((v) => v !== mine)).toEqual([]);
      // The wire carried this voter's own dots and nothing about anyone else's.
      const during = wires[i]!.slice(wireFrom[i]).join('\n');
      const voters = [...during.matchAll(/"voter":"([^"]+)"/g)].map((m) => m[1]);
      expect(new Set(voters).size <= 1 && (voters.length === 0 || voters[0] === mine)).toBe(true);
    }
    expect(flowOf(board.snap.state, swot).dots).toEqual({});
    const totalsSeenByFacilitator = Object.values(fac.snap.state.flows[swot]!.dots).reduce((n, d) => n + Object.values(d).reduce((a, b) => a + b, 0), 0);
    expect(totalsSeenByFacilitator).toBe(Object.values(expected).reduce((a, b) => a + b, 0));

    await advance(fac, swot, 'results', [fac, ...phones, board]);
    const clean = Object.fromEntries(Object.entries(expected).filter(([, n]) => n > 0));
    for (const c of [fac, board, ...phones]) expect(flowOf(c.snap.state, swot).totals).toEqual(clean);
    const res = await phones[0]!.send({ type: 'flow.dot', payload: { itemId: swot, target: targets[0]!, delta: -1 } });
    expect(res).toMatchObject({ ok: false, error: { message: 'The vote is over.' } });
  }, 60_000);
});

describe('vision retreat over real sockets', () => {
  it('tallies fist-to-five live for everyone, keeps each answer private, and records the final statement', async () => {
    const s = await createSession(app);
    const { fac, phones, wires } = await joinAll(s, ['Ana', 'Ben', 'Chloé', 'Dev']);
    const v = itemOfType(fac, 'vision');
    const board = client(app);
    await board.join({ role: 'board', joinCode: s.joinCode });
    await ok(fac, { type: 'vision.draft', payload: { itemId: v, text: 'Every child safe and loved' } });
    await waitFor(() => visionOf(board.snap.state, v).draft === 'Every child safe and loved', 'board shows the draft');
    await ok(fac, { type: 'vision.askFist', payload: { itemId: v } });
    await waitFor(() => phones.every((p) => currentRound(visionOf(p.snap.state, v)) !== undefined), 'round open');
    const answers = [5, 3, 3, 1];
    for (const [i, p] of phones.entries()) await ok(p, { type: 'vision.fist', payload: { itemId: v, value: answers[i]! } });
    await ok(phones[3]!, { type: 'vision.fist', payload: { itemId: v, value: 4 } });
    await inStep([fac, board, ...phones]);
    for (const c of [fac, board, ...phones]) expect(currentRound(visionOf(c.snap.state, v))!.distribution).toEqual([0, 0, 0, 2, 1, 1]);
    // Ana's phone knows her own answer and nobody else's.
    expect(currentRound(visionOf(phones[0]!.snap.state, v))!.answers).toEqual({ [phones[0]!.snap.participantId!]: 5 });
    const answeredOnAnasWire = [...wires[0]!.join('\n').matchAll(/"type":"vision\.fistAnswered"[^}]*?"participantId":"([^"]*)","value":(-?\d)/g)];
    expect(answeredOnAnasWire.length).toBe(5);
    for (const [, who, value] of answeredOnAnasWire)
      expect(who === phones[0]!.snap.participantId ? value : `${who}:${value}`).toBe(who === '' ? ':-1' : '5');
    expect(Object.keys(currentRound(visionOf(fac.snap.state, v))!.answers)).toHaveLength(4);

    await ok(fac, { type: 'vision.finalize', payload: { itemId: v } });
    await waitFor(() => visionOf(board.snap.state, v).final !== null, 'final on the board');
    expect(visionOf(board.snap.state, v).final).toMatchObject({ statement: 'Every child safe and loved', distribution: [0, 0, 0, 2, 1, 1] });
  });
});
