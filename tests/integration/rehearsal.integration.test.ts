import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyedValues } from '../../shared/session/keyed.js';
import { MAX_PACE, MAX_SIMULATED, SAY_REHEARSAL } from '../../server/rehearsalRules.js';
import { loadTemplates } from '../../server/templates.js';
import { loadProtocol } from '../../shared/modules/registry.js';
import { client, closeClients, createSession, SHIPPED_TEMPLATES, startServer, waitFor, type Created } from '../support/harness.js';
import { isPdf, pdfText } from '../support/pdfText.js';
import { producedTexts, unfinished, WITHOUT_TEXT } from '../support/rehearsalEnd.js';
import { rehearsalHttp } from '../support/rehearsalHttp.js';

let app: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => (app = await startServer({ templatesDir: SHIPPED_TEMPLATES })));
afterAll(() => {
  closeClients();
  return app.close();
});

const { auth, status, change, drive } = rehearsalHttp({ get url() { return app.url; } });
await loadProtocol();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until the simulated participants have nothing left to do: no accepted action over `quietMs`. */
async function settle(s: Created, quietMs = 1500): Promise<void> {
  for (let last = -1, i = 0; i < 60; i++) {
    const now = (await status(s))?.actions ?? 0;
    if (now === last) return;
    last = now;
    await sleep(quietMs);
  }
}

async function facilitate(s: Created) {
  const fac = client(app);
  await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
  return fac;
}

describe('a rehearsal with simulated participants', () => {
  // Every shipped template, side by side (one after another would take ~40 s each). The debrief's report-out has no
  // groups to import in a rehearsal: the room forms its own (plenary.simulate.ts).
  const every = loadTemplates(SHIPPED_TEMPLATES).templates.map((t) => [t.id]);
  it('rehearses every template in sessions/', () => expect(every.length).toBe(18));
  it.concurrent.each(every)('runs %s start to finish with 20 simulated participants and makes a report that says so', async (templateId) => {
    const s = await createSession(app, { templateId, rehearsal: { participants: 20, pace: MAX_PACE } });
    const fac = await facilitate(s);
    await waitFor(() => keyedValues(fac.snap.state.participants).length === 20, '20 simulated participants');
    expect(fac.snap.state.rehearsal).toBe(true);
    for (const p of keyedValues(fac.snap.state.participants)) {
      expect(p.simulated).toBe(true);
      expect(p.name).toMatch(/\(simulated\)$/);
    }
    // The facilitator goes through every item, letting the rehearsal drive each step once the room is quiet.
    const simulated = keyedValues(fac.snap.state.participants).map((p) => p.id);
    const problems: string[] = [];
    for (const item of fac.snap.state.agenda) {
      expect((await fac.send({ type: 'agenda.goto', payload: { itemId: item.id } })).ok).toBe(true);
      for (let step = 0; step < 40; step++) {
        await settle(s);
        const res = await drive(s);
        if (res.status === 409) {
          expect(((await res.json()) as { error: string }).error).toBe(SAY_REHEARSAL.nothingToDrive);
          break;
        }
        expect(res.status, await res.clone().text()).toBe(200);
      }
      // Its main step got to its end with the simulated room in it (every one posted, voted, rated, marked...).
      await settle(s);
      const now = fac.snap.state.agenda.find((i) => i.id === item.id);
      if (now) problems.push(...unfinished(fac.snap.state, now, simulated));
    }
    expect(problems).toEqual([]);
    const before = await status(s);
    expect(before?.actions).toBeGreaterThan(40);
    expect(before?.refusals).toBe(0);
    const pdf = await fetch(`${app.url}/api/sessions/${s.sessionId}/report.pdf?names=1`, { headers: auth(s) });
    expect(pdf.status).toBe(200);
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(isPdf(bytes)).toBe(true);
    fs.mkdirSync('test-results/report', { recursive: true });
    fs.writeFileSync(`test-results/report/rehearsal-${templateId}.pdf`, bytes);
    const text = pdfText(bytes).replace(/\s+/g, ' ');
    expect(text).toContain('Rehearsal Yes: a rehearsal with simulated participants');
    expect(text).toContain('Participants 20 (20 simulated)');
    expect(text).toContain('Rehearsal · ');
    for (const item of fac.snap.state.agenda) expect(text, item.title).toContain(item.title.replace(/\s+/g, ' '));
    // Every export says it is a rehearsal: the Markdown's facts, the JSON's session, every file's name.
    // Names off too (the default): no name carries "(simulated)" then, so the file itself says it.
    for (const [file, names, says] of [
      ['report.md', 1, '**Rehearsal:** Yes'],
      ['export.json', 1, '"rehearsal":{"simulated":20}'],
      ['export.csv', 1, '(simulated)'],
      ['report.md', 0, '**Rehearsal:** Yes'],
      ['export.json', 0, '"rehearsal":{"simulated":20}'],
      ['export.csv', 0, 'Rehearsal: simulated participants, not a real session'],
    ] as const) {
      const res = await fetch(`${app.url}/api/sessions/${s.sessionId}/${file}?names=${names}`, { headers: auth(s) });
      expect(res.status, file).toBe(200);
      expect(res.headers.get('content-disposition'), file).toContain('Rehearsal - ');
      expect((await res.text()).replace(/\s+/g, ''), file).toContain(says.replace(/\s+/g, ''));
    }
    // What the simulated participants wrote is in the report, item by item.
    expect(fac.snap.state.agenda.flatMap((item) => producedTexts(fac.snap.state, item)).length).toBeGreaterThan(20);
    for (const item of fac.snap.state.agenda) {
      const produced = producedTexts(fac.snap.state, item);
      if (!WITHOUT_TEXT.has(item.moduleType)) expect(produced.length, `"${item.title}" has the room's content`).toBeGreaterThan(0);
      // The start of each (a table cell wraps the rest onto more lines).
      const start = (t: string) => t.split(/\s+/).slice(0, 4).join(' ');
      if (produced.length) expect(produced.some((t) => text.includes(start(t))), item.title).toBe(true);
    }
  }, 240_000);

  it('keeps the pace set, pauses, and stops when the session ends', async () => {
    const s = await createSession(app, { templateId: 'refinement-meeting', rehearsal: { participants: 5, pace: 1 } });
    const fac = await facilitate(s);
    const board = fac.snap.state.agenda.find((i) => i.moduleType === 'board');
    expect((await fac.send({ type: 'agenda.goto', payload: { itemId: board?.id ?? '' } })).ok).toBe(true);
    // At 1 a minute each, 5 participants act about once in 12 s: over 3 s, at most a couple of actions.
    await sleep(3000);
    expect((await status(s))?.actions).toBeLessThanOrEqual(2);
    expect((await change(s, { pace: MAX_PACE })).status).toBe(200);
    await waitFor(() => keyedValues(fac.snap.state.notes).length >= 5, 'notes at the faster pace', 10_000);
    expect((await change(s, { paused: true })).status).toBe(200);
    // The pause is an event of the log: every screen has it.
    await waitFor(() => fac.snap.state.rehearsalPace?.paused === true, 'the pause seen by the console');
    const paused = (await status(s))?.actions ?? 0;
    const seq = fac.snap.state.seq;
    await sleep(1500);
    expect((await status(s))?.actions).toBe(paused);
    expect(fac.snap.state.seq).toBe(seq);
    expect((await change(s, { paused: false })).status).toBe(200);
    await waitFor(() => fac.snap.state.seq > seq, 'the room acts again once resumed', 10_000);
    const end = await fac.send({ type: 'session.end', payload: {} });
    expect(end.ok).toBe(true);
    expect(await status(s)).toBeNull();
    const ended = end.ok ? end.seq : 0;
    await waitFor(() => fac.snap.state.seq >= ended, 'the end seen');
    await sleep(1000);
    expect(fac.snap.state.seq).toBe(ended);
  }, 60_000);

  it('stops when the session is deleted', async () => {
    const s = await createSession(app, { templateId: 'collaboration-element-groups', rehearsal: { participants: 3, pace: MAX_PACE } });
    expect(await status(s)).not.toBeNull();
    const res = await fetch(`${app.url}/api/sessions/${s.sessionId}`, { method: 'DELETE', headers: { authorization: `Bearer ${s.facilitatorKey}` } });
    expect(res.status).toBe(204);
    expect(await status(s)).toBeNull();
  });

  it('refuses numbers of participants and paces beyond the caps, in our sentences', async () => {
    const create = (rehearsal: object) =>
      fetch(`${app.url}/api/sessions`, { method: 'POST', body: JSON.stringify({ templateId: 'collaboration-element-groups', rehearsal }) });
    for (const [rehearsal, sentence] of [
      [{ participants: MAX_SIMULATED + 1, pace: 6 }, SAY_REHEARSAL.participants],
      [{ participants: 0, pace: 6 }, SAY_REHEARSAL.participants],
      [{ participants: 2.5, pace: 6 }, SAY_REHEARSAL.participants],
      [{ participants: 5, pace: MAX_PACE + 1 }, SAY_REHEARSAL.pace],
      [{ participants: 5, pace: 0 }, SAY_REHEARSAL.pace],
    ] as const) {
      const res = await create(rehearsal);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toBe(sentence);
    }
    const s = await createSession(app, { templateId: 'collaboration-element-groups', rehearsal: { participants: MAX_SIMULATED, pace: 1 } });
    expect((await status(s))?.participants).toBe(MAX_SIMULATED);
    const res = await change(s, { pace: MAX_PACE + 1 });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe(SAY_REHEARSAL.pace);
    expect((await status(s))?.pace).toBe(1);
  });

  it('never passes a simulated participant off as a real one, and a real session has no simulated participants', async () => {
    const s = await createSession(app, { templateId: 'collaboration-element-groups', rehearsal: { participants: 3, pace: 1 } });
    const fac = await facilitate(s);
    const phone = client(app);
    await phone.join({ role: 'participant', joinCode: s.joinCode, name: 'Real Person' });
    await waitFor(() => keyedValues(fac.snap.state.participants).length === 4, 'four in the room');
    const people = keyedValues(fac.snap.state.participants);
    expect(people.filter((p) => p.simulated).map((p) => p.name.endsWith('(simulated)'))).toEqual([true, true, true]);
    expect(people.find((p) => p.name === 'Real Person')?.simulated).toBeUndefined();
    // The phone's own view marks them the same way.
    expect(keyedValues(phone.snap.state.participants).filter((p) => p.simulated).length).toBe(3);

    const real = await createSession(app, { templateId: 'collaboration-element-groups' });
    const realFac = await facilitate(real);
    expect(realFac.snap.state.rehearsal).toBeUndefined();
    expect(await status(real)).toBeNull();
    const res = await drive(real);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: string }).error).toBe(SAY_REHEARSAL.notRehearsal);
  });

  it('rehearses the current session’s agenda with its facilitator key only', async () => {
    const real = await createSession(app, { templateId: 'collaboration-element-groups' });
    const body = JSON.stringify({ agendaFrom: real.sessionId, rehearsal: { participants: 2, pace: 1 } });
    const refused = await fetch(`${app.url}/api/sessions`, { method: 'POST', body });
    expect(refused.status).toBe(403);
    const made = await fetch(`${app.url}/api/sessions`, { method: 'POST', body, headers: { authorization: `Bearer ${real.facilitatorKey}` } });
    expect(made.status).toBe(201);
    const copy = (await made.json()) as Created;
    const fac = await facilitate(copy);
    const realFac = await facilitate(real);
    expect(fac.snap.state.agenda.map((i) => i.title)).toEqual(realFac.snap.state.agenda.map((i) => i.title));
    expect(fac.snap.state.rehearsal).toBe(true);
  });
});
