import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SessionClient } from '../../client/net/sessionClient.js';
import { flowOf } from '../../shared/modules/flow/flow.logic.js';
import { PHASES, type Phase } from '../../shared/modules/flow/flow.state.js';
import { workGroupsOf } from '../../shared/modules/workgroup/workgroup.state.js';
import { buildTimeline } from '../../shared/replay/timeline.js';
import type { CommandInput } from '../../shared/protocol/commands.js';
import { allNotes } from '../../shared/session/notes.js';
import { client, closeClients, createSession, itemOfType, startServer, type Created } from '../support/harness.js';
import { rowsOf, sessionRowOf } from '../support/storedRows.js';
import { replayLog } from '../../server/replayRoutes.js';
import { fetchReplay, recordStates, seeded } from '../support/replay.js';
import { Steps } from '../support/wire.js';

let clock = 0;
let app: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => (app = await startServer({ now: () => Date.now() + clock })));
afterAll(() => app.close());
afterEach(() => closeClients());

const NEEDS_KEY = 'A replay opens with the session’s facilitator key: open it with the Replay button on the facilitator’s console, or paste the console’s link into the replay page.';

let steps = new Steps();
const ok = (c: SessionClient, body: CommandInput) => steps.ok(c, body);

async function room(s: Created, names: string[]) {
  const fac = client(app);
  expect((await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey })).ok).toBe(true);
  const board = client(app);
  expect((await board.join({ role: 'board', joinCode: s.joinCode })).ok).toBe(true);
  const phones: SessionClient[] = [];
  for (const name of names) {
    const p = client(app);
    expect((await p.join({ role: 'participant', joinCode: s.joinCode, name })).ok).toBe(true);
    phones.push(p);
  }
  return { fac, board, phones };
}

async function advance(fac: SessionClient, itemId: string, to: Phase): Promise<void> {
  await steps.inStep([fac]);
  for (const phase of PHASES.slice(PHASES.indexOf(flowOf(fac.snap.state, itemId).phase) + 1, PHASES.indexOf(to) + 1))
    await ok(fac, { type: 'flow.advance', payload: { itemId, to: phase } });
}

describe('replay of a recorded session, over the real server', () => {
  it('reproduces the facilitator’s live state exactly at 20 random seqs of a varied session', async () => {
    steps = new Steps();
    const s = await createSession(app);
    const { fac, board, phones } = await room(s, ['Ana', 'Ben', 'Cy']);
    const [ana, ben, cy] = phones as [SessionClient, SessionClient, SessionClient];
    const live = recordStates(fac);
    const open = itemOfType(fac, 'board');
    const swot = itemOfType(fac, 'swot');
    const vision = itemOfType(fac, 'vision');

    await ok(fac, { type: 'agenda.goto', payload: { itemId: open } });
    await ok(fac, { type: 'timer.start', payload: {} });
    await ok(ana, { type: 'note.add', payload: { itemId: open, column: 'Strengths', text: 'Strong kinship network' } });
    await ok(ben, { type: 'note.add', payload: { itemId: open, column: 'Threats', text: 'Court backlog' } });
    await ok(fac, { type: 'timer.pause', payload: {} });
    await ok(fac, { type: 'agenda.goto', payload: { itemId: swot } });
    for (const [c, col, text] of [[ana, 'Strengths', 'Youth board'], [ben, 'Weaknesses', 'Turnover'], [cy, 'Opportunities', 'New funding'], [cy, 'Threats', 'Caseloads']] as const)
      await ok(c, { type: 'note.add', payload: { itemId: swot, column: col, text } });
    await advance(fac, swot, 'cluster');
    await steps.inStep([fac]);
    const byText = (t: string) => allNotes(fac.snap.state).find((n) => n.text === t)!.id;
    await ok(fac, { type: 'flow.group', payload: { noteId: byText('Caseloads'), onto: { kind: 'note', id: byText('Turnover') } } });
    await advance(fac, swot, 'vote');
    const target = { kind: 'note', id: byText('Youth board') } as const;
    for (const c of phones) await ok(c, { type: 'flow.dot', payload: { itemId: swot, target, delta: 1 } });
    await advance(fac, swot, 'results');
    await ok(fac, { type: 'agenda.goto', payload: { itemId: vision } });
    await ok(fac, { type: 'vision.draft', payload: { itemId: vision, text: 'Every child safe and loved' } });
    await ok(fac, { type: 'vision.askFist', payload: { itemId: vision } });
    await ok(ana, { type: 'vision.fist', payload: { itemId: vision, value: 4 } });
    await ok(ben, { type: 'vision.fist', payload: { itemId: vision, value: 2 } });
    for (const title of ['Permanency', 'Safety']) await ok(fac, { type: 'workgroup.addTheme', payload: { title } });
    await ok(fac, { type: 'workgroup.makeGroups', payload: {} });
    await steps.inStep([fac]);
    const [A, B] = workGroupsOf(fac.snap.state).groups.map((g) => g.id) as [string, string];
    await ok(ana, { type: 'workgroup.join', payload: { workGroupId: A } });
    await ok(cy, { type: 'workgroup.join', payload: { workGroupId: B } });
    await ok(ana, { type: 'workgroup.addStrategy', payload: { workGroupId: A, text: 'Kinship placements first' } });
    await ok(cy, { type: 'workgroup.addAnswer', payload: { workGroupId: B, field: 'assistance', text: 'Data coaching' } });
    await ok(fac, { type: 'agenda.next', payload: {} });
    await steps.inStep([fac, board, ...phones]);

    const replay = await fetchReplay(app, s.sessionId, s.facilitatorKey, 'facilitator');
    expect(replay.status).toBe(200);
    const log = replay.json();
    expect(log.cut).toBeNull();
    expect(log.events.at(-1)?.seq).toBe(fac.snap.state.seq);
    const timeline = buildTimeline(log.events);
    const seqs = [...live.keys()].filter((q) => q > 0);
    const random = seeded(11);
    const picks = Array.from({ length: 20 }, () => seqs[Math.floor(random() * seqs.length)]!);
    for (const seq of picks) expect(timeline.stateAt(seq), `the state at seq ${seq}`).toEqual(live.get(seq));
    expect(timeline.stateAt(fac.snap.state.seq)).toEqual(fac.snap.state);
    // Markers: each item the facilitator moved to, and the flow's steps.
    const labels = timeline.markers.map((m) => m.label);
    expect(labels).toEqual(['Welcome', 'Open board', 'SWOT analysis', 'Reveal', 'Cluster', 'Dot vote', 'Results', 'Preferred future', 'Fist-to-five asked', 'Discussion']);
    expect(timeline.markers.map((m) => m.kind)).toEqual(['item', 'item', 'item', 'step', 'step', 'step', 'step', 'item', 'step', 'item']);
  });

  it('a silent brainstorm replayed as the board or a phone carries no private note text, nor who wrote a note', async () => {
    steps = new Steps();
    const s = await createSession(app);
    const { fac, phones } = await room(s, ['Ana', 'Ben']);
    const swot = itemOfType(fac, 'swot');
    await ok(fac, { type: 'agenda.goto', payload: { itemId: swot } });
    await ok(phones[0]!, { type: 'note.add', payload: { itemId: swot, column: 'Threats', text: 'ANA-PRIVATE court backlog' } });
    await ok(phones[1]!, { type: 'note.add', payload: { itemId: swot, column: 'Strengths', text: 'BEN-PRIVATE youth board' } });
    await steps.inStep([phones[0]!]);
    await ok(phones[0]!, { type: 'note.edit', payload: { noteId: allNotes(phones[0]!.snap.state).find((n) => n.authorId)!.id, text: 'ANA-PRIVATE-EDIT' } });
    await steps.inStep([fac]);

    for (const view of ['board', 'participant'] as const) {
      const r = await fetchReplay(app, s.sessionId, s.facilitatorKey, view);
      expect(r.status).toBe(200);
      expect(r.text).not.toContain('PRIVATE');
      expect(r.text).not.toMatch(/"authorName":"(Ana|Ben)"/);
      const end = buildTimeline(r.json().events).stateAt(Number.MAX_SAFE_INTEGER);
      // The board still shows how many notes there are, as it did live.
      expect(allNotes(end).filter((n) => n.itemId === swot)).toHaveLength(2);
    }
    // The facilitator's replay holds them, as the console did.
    expect((await fetchReplay(app, s.sessionId, s.facilitatorKey, 'facilitator')).text).toContain('ANA-PRIVATE-EDIT');
  });

  it('refuses a wrong key and an unknown session with our sentence, and a replay changes nothing in the session', async () => {
    steps = new Steps();
    const s = await createSession(app);
    const { fac } = await room(s, ['Ana']);
    await ok(fac, { type: 'timer.start', payload: {} });
    const other = await createSession(app);
    for (const r of [
      await fetchReplay(app, s.sessionId, 'not-the-key'),
      await fetchReplay(app, s.sessionId, other.facilitatorKey),
      await fetchReplay(app, 'no-such-session', s.facilitatorKey),
    ]) {
      expect(r.status).toBe(403);
      expect(JSON.parse(r.text)).toEqual({ error: NEEDS_KEY });
    }
    const bad = await fetchReplay(app, s.sessionId, s.facilitatorKey, 'spy');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).error).toMatch(/^A replay shows the board/);

    // Two hours on, a read that counted as activity would write the session's last activity: a replay must not.
    await steps.inStep([fac]);
    const before = { row: await sessionRowOf(app, s.sessionId), rows: await rowsOf(app, s.sessionId), seq: fac.snap.state.seq };
    clock += 2 * 60 * 60 * 1000;
    const r = await fetchReplay(app, s.sessionId, s.facilitatorKey, 'board');
    expect(r.status).toBe(200);
    expect(r.encoding).toBe('gzip');
    await new Promise((done) => setTimeout(done, 50));
    expect({ row: await sessionRowOf(app, s.sessionId), rows: await rowsOf(app, s.sessionId), seq: fac.snap.state.seq }).toEqual(before);
  });
});

describe('a replay past its cap', () => {
  it('holds the first events and says what it leaves out', async () => {
    const events = [1, 2, 3, 4, 5].map((seq) => ({ type: 'timer.reset' as const, seq, at: seq }));
    const log = replayLog('s1', 'board', events, 3);
    expect(log.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(log.cut).toBe('This session has more than 3 events; the replay holds the first 3 and stops there.');
    expect(replayLog('s1', 'board', events, 5).cut).toBeNull();
  });
});
