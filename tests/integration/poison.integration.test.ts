import Database from 'better-sqlite3';
import fc from 'fast-check';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionClient } from '../../client/net/sessionClient.js';
import { type CommandInput } from '../../shared/protocol/commands.js';
import { allNotes } from '../../shared/session/notes.js';
import { actorFor, commandRecipe, exists, referencesOf, resolveRecipe } from '../support/arbitraries.js';
import { client, closeClients, createSession, itemOfType, startServer, tempDir, waitFor, type Created } from '../support/harness.js';
import { loadProtocol } from '../../shared/modules/registry.js';

const { Command } = await loadProtocol();

afterEach(() => closeClients());

/** A facilitator, two phones and a board in a fresh session. */
async function room(app: { url: string; port: number }, s: Created) {
  const fac = client(app as never);
  await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
  const ana = client(app as never);
  await ana.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' });
  const jose = client(app as never);
  await jose.join({ role: 'participant', joinCode: s.joinCode, name: 'José' });
  const board = client(app as never);
  await board.join({ role: 'board', joinCode: s.joinCode });
  return { fac, ana, jose, board, screens: [fac, ana, jose, board] };
}

/**
 * The PIP afternoon under way, so the work groups' and the large group's commands meet something to act on: the
 * report-out, synthesis and next-steps items, two work groups with a phone in each, an answer, the first group presenting.
 */
async function afternoon(fac: SessionClient, phones: SessionClient[]): Promise<void> {
  const must = async (c: SessionClient, body: CommandInput) => expect((await c.send(body)).ok, body.type).toBe(true);
  for (const [title, moduleType] of [['Theme work groups', 'workgroups'], ['Report-outs', 'reportout'], ['Synthesis', 'synthesis'], ['Next steps', 'nextsteps']] as const)
    await must(fac, { type: 'agenda.addItem', payload: { item: { title, plannedMinutes: 30, moduleType } } });
  for (const title of ['Safety', 'Permanency']) await must(fac, { type: 'workgroup.addTheme', payload: { title } });
  await must(fac, { type: 'workgroup.makeGroups', payload: {} });
  await waitFor(() => fac.snap.state.workgroups.groups.length === 2, 'the groups on the console');
  const groups = fac.snap.state.workgroups.groups.map((g) => g.id);
  for (const [i, c] of phones.entries()) await must(fac, { type: 'workgroup.assign', payload: { participantId: c.snap.participantId!, workGroupId: groups[i % 2]! } });
  await must(phones[0]!, { type: 'workgroup.addAnswer', payload: { workGroupId: groups[0]!, field: 'recommendations', text: 'More kinship homes' } });
  await must(fac, { type: 'plenary.present', payload: { itemId: itemOfType(fac, 'reportout'), workGroupId: groups[0]! } });
  // The values survey open, so ratings (anonymous, with the server's ballots) and proposals meet a survey.
  await must(fac, { type: 'agenda.addItem', payload: { item: { title: 'Core values', plannedMinutes: 30, moduleType: 'values' } } });
  await waitFor(() => fac.snap.state.agenda.some((i) => i.moduleType === 'values'), 'the survey on the console');
  await must(fac, { type: 'values.addValues', payload: { itemId: itemOfType(fac, 'values'), values: [{ name: 'Respect' }, { name: 'Partnership' }] } });
  await must(fac, { type: 'values.setPhase', payload: { itemId: itemOfType(fac, 'values'), phase: 'open' } });
}

/**
 * Every screen receives the facilitator's next change: nothing froze. Sharing the report is a change the facilitator
 * can make in every state, also after a random "session.end" made the session read-only.
 */
async function allKeepUpdating(fac: SessionClient, screens: SessionClient[]): Promise<void> {
  const r = await fac.send({ type: 'report.share', payload: { scope: { kind: 'session' } } });
  expect(r.ok).toBe(true);
  const seq = r.ok ? r.seq : 0;
  await waitFor(() => screens.every((c) => c.snap.state.seq >= seq), 'every screen to receive the next change');
}

describe('a hostile phone cannot poison a session on the real server', () => {
  it('a group id "constructor" while clustering is refused as missing; the console keeps updating and a restart loads', async () => {
    const dataDir = tempDir();
    let app = await startServer({ dataDir });
    const s = await createSession(app);
    const { fac, ana, screens } = await room(app, s);
    const swot = itemOfType(fac, 'swot');
    const a = await ana.send({ type: 'note.add', payload: { itemId: swot, column: 'Strengths', text: 'Caring staff' } });
    expect(a.ok).toBe(true);
    for (const to of ['reveal', 'cluster'] as const) expect((await fac.send({ type: 'flow.advance', payload: { itemId: swot, to } })).ok).toBe(true);
    await waitFor(() => allNotes(fac.snap.state).length === 1, 'the note on the console');
    const note = allNotes(fac.snap.state)[0]!;
    for (const bad of ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf']) {
      const target = { kind: 'group' as const, id: bad };
      const grouped = await ana.send({ type: 'flow.group', payload: { noteId: note.id, onto: target } });
      expect(grouped).toEqual({ ok: false, error: { code: 'not_found', message: 'That group no longer exists.' } });
      const renamed = await ana.send({ type: 'flow.nameGroup', payload: { groupId: bad, name: 'x' } });
      expect(renamed.ok).toBe(false);
    }
    await allKeepUpdating(fac, screens);

    await app.close();
    app = await startServer({ dataDir, port: app.port });
    try {
      const again = client(app);
      await again.join({ role: 'participant', joinCode: s.joinCode, name: 'Lee' });
      const fac2 = client(app);
      await fac2.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
      expect(fac2.snap.state.seq).toBe(fac.snap.state.seq + 1); // Lee's join
    } finally {
      await app.close();
    }
  });

  it('a log that already holds a bad event still loads for everyone: the event is skipped with one line naming session and seq', async () => {
    const dataDir = tempDir();
    let app = await startServer({ dataDir });
    const s = await createSession(app);
    await room(app, s);
    await app.close();
    closeClients();
    // What an older version stored for a group id "constructor": the group itself did not survive serialization.
    const db = new Database(path.join(dataDir, 'toolkit.sqlite'));
    const { seq } = db.prepare('SELECT MAX(seq) AS seq FROM events WHERE session_id = ?').get(s.sessionId) as { seq: number };
    const bad = { type: 'flow.grouped', itemId: 'x', noteIds: ['n1'], created: false, seq: seq + 1, at: Date.now() };
    db.prepare('INSERT INTO events (session_id, seq, body) VALUES (?, ?, ?)').run(s.sessionId, seq + 1, JSON.stringify(bad));
    db.close();

    const lines: string[] = [];
    app = await startServer({ dataDir, log: (l) => lines.push(l) });
    try {
      const { fac, screens } = await room(app, s);
      expect(fac.snap.state.seq).toBeGreaterThan(seq + 1);
      await allKeepUpdating(fac, screens);
      const skipped = lines.filter((l) => l.includes('skipped'));
      expect(skipped).toHaveLength(1);
      expect(skipped[0]).toContain(`session ${s.sessionId} seq ${seq + 1}`);
    } finally {
      await app.close();
    }
  });

  it('random commands from every role with prototype-member ids: nothing missing is acked, screens keep up, restarts load', async () => {
    const dataDir = tempDir();
    let app = await startServer({ dataDir, snapshotEvery: 5 });
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(commandRecipe, { minLength: 5, maxLength: 30, size: 'max' }), async (recipes) => {
          const s = await createSession(app);
          const { fac, ana, jose, board, screens } = await room(app, s);
          await afternoon(fac, [ana, jose]);
          const byId = new Map<string, SessionClient>([[ana.snap.participantId!, ana], [jose.snap.participantId!, jose]]);
          for (const r of recipes) {
            await waitFor(() => screens.every((c) => c.snap.state.seq === fac.snap.state.seq), 'screens in step');
            const before = fac.snap.state;
            const actor = actorFor(before, r.actor);
            const sender = actor.role === 'facilitator' ? fac : actor.role === 'board' ? board : byId.get(actor.participantId)!;
            const body: CommandInput = resolveRecipe(before, r);
            const answer = await sender.send(body);
            if (!answer.ok) continue;
            const parsed = Command.parse({ id: 'checkonly', ...body });
            for (const ref of referencesOf(parsed)) expect(exists(before, ref), `${body.type} acked a missing ${ref.kind} ${ref.id}`).toBe(true);
          }
          await allKeepUpdating(fac, screens);
          await app.close();
          app = await startServer({ dataDir, port: app.port, snapshotEvery: 5 });
          const fresh = client(app);
          await fresh.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
          expect(JSON.parse(JSON.stringify(fresh.snap.state))).toEqual(JSON.parse(JSON.stringify(fac.snap.state)));
          const phone = client(app);
          await phone.join({ role: 'participant', joinCode: s.joinCode, name: 'After restart' });
          closeClients();
        }),
        { numRuns: 12 },
      );
    } finally {
      await app.close();
    }
  });
});
