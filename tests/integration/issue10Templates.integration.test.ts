import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionClient } from '../../client/net/sessionClient.js';
import { ecoMapOf, STARTER_PARTNERS } from '../../shared/modules/ecomap/ecomap.state.js';
import { surveyOf } from '../../shared/modules/values/values.state.js';
import type { CommandInput } from '../../shared/protocol/commands.js';
import { LIMITS } from '../../shared/protocol/limits.js';
import { loadTemplates } from '../../server/templates.js';
import { loadProtocol } from '../../shared/modules/registry.js';
import { client, closeClients, createSession, SHIPPED_TEMPLATES, startServer, waitFor } from '../support/harness.js';
import { isPdf, pdfText } from '../support/pdfText.js';

let app: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => (app = await startServer({ templatesDir: SHIPPED_TEMPLATES })));
afterAll(() => {
  closeClients();
  return app.close();
});

async function ok(c: SessionClient, body: CommandInput) {
  const r = await c.send(body);
  if (!r.ok) throw new Error(`${body.type}: ${r.error.message}`);
  await waitFor(() => c.snap.state.seq >= r.seq, body.type);
}

await loadProtocol();
const shipped = loadTemplates(SHIPPED_TEMPLATES);
const template = (id: string) => {
  const t = shipped.templates.find((x) => x.id === id);
  if (!t) throw new Error(`no template "${id}": ${shipped.errors.join('; ')}`);
  return t;
};

async function start(templateId: string, names: string[]) {
  const s = await createSession(app, { templateId });
  const fac = client(app);
  await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
  const people: SessionClient[] = [];
  for (const name of names) {
    const c = client(app);
    await c.join({ role: 'participant', joinCode: s.joinCode, name });
    people.push(c);
  }
  const report = async (): Promise<string> => {
    const res = await fetch(`${app.url}/api/sessions/${s.sessionId}/report.pdf`, { headers: { authorization: `Bearer ${s.facilitatorKey}` } });
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(isPdf(bytes)).toBe(true);
    // A sample to look at (pdftoppm -r 60 -png), kept out of git like the end-to-end screenshots.
    fs.mkdirSync('test-results/report', { recursive: true });
    fs.writeFileSync(path.join('test-results/report', `${templateId}.pdf`), bytes);
    return pdfText(bytes).replace(/[ \t]+/g, ' ');
  };
  return { fac, people, report };
}

describe('the issue 10 templates', () => {
  it('load without errors, in the seeds’ words, each with its starter list', () => {
    expect(shipped.errors).toEqual([]);
    const values = template('core-values');
    expect(values.title).toBe('Developing core values: a beginning');
    expect(values.description).toMatch(/Alaska, Utah, El Paso County/);
    expect(values.description).toMatch(/split of the time across items is ours/);
    expect(values.items.map((i) => i.moduleType)).toEqual(['presentation', 'presentation', 'discussion', 'values', 'presentation']);
    expect(values.items.at(-1)?.prompt).toContain('how an agency operates, not how its leaders orate');
    expect(values.items.find((i) => i.moduleType === 'values')?.starter?.length).toBeGreaterThan(2);

    const eco = template('stakeholder-engagement');
    const map = eco.items.find((i) => i.moduleType === 'ecomap');
    expect(map?.prompt).toContain('What additional partners should be added?');
    // The four marks' meanings in the seed's words: in the facilitator's notes (the board's prompt stays one line,
    // leaving the map its room; the phones and the board's legend show the meanings).
    for (const meaning of ['keeping positive involvement', 'improving relationships and enhancing involvement', 'healing and re-involving', 'developing relationship and beginning involvement'])
      expect(map?.facilitatorNotes).toContain(meaning);
    // Every starter name is a known partner, so it comes with its category and side.
    expect(map?.starter?.every((n) => STARTER_PARTNERS.some((p) => p.name === n))).toBe(true);
    const phases = eco.items.find((i) => i.moduleType === 'board');
    expect(phases?.columns).toEqual(['Statewide Assessment', 'Onsite Review', 'Program Improvement Planning', 'PIP Implementation', 'PIP Monitoring / Revisions']);
    expect(phases?.columns?.length).toBeLessThanOrEqual(LIMITS.columns);
    expect(eco.description).toMatch(/split of the time across items is ours/);
  });

  it('runs the core-values survey from its starter list to a report with the paired bars (PDF read back)', async () => {
    const { fac, people, report } = await start('core-values', ['Ana', 'Ben']);
    const item = fac.snap.state.agenda.find((i) => i.moduleType === 'values');
    if (!item?.starter) throw new Error('the survey item lost its starter list');
    await ok(fac, { type: 'values.addValues', payload: { itemId: item.id, values: item.starter.map((name) => ({ name })) } });
    const survey = surveyOf(fac.snap.state, item.id);
    expect(survey.order.map((id) => survey.values[id]?.name)).toEqual(item.starter);
    await ok(fac, { type: 'values.setPhase', payload: { itemId: item.id, phase: 'open' } });
    const first = survey.order[0] ?? '';
    for (const [n, p] of people.entries()) {
      await ok(p, { type: 'values.rate', payload: { itemId: item.id, valueId: first, scale: 'importance', score: 5 } });
      await ok(p, { type: 'values.rate', payload: { itemId: item.id, valueId: first, scale: 'practice', score: 2 + n } });
    }
    await ok(fac, { type: 'values.setPhase', payload: { itemId: item.id, phase: 'closed' } });
    await ok(fac, { type: 'values.showResults', payload: { itemId: item.id, shown: true } });
    const text = await report();
    expect(text).toMatch(/Importance\s+Practice/);
    expect(text).toMatch(/Recognize and value multiple and\s+5\.0\s+gap 2\.5/);
    expect(text).toContain('not answered');
  }, 60_000);

  it('runs the eco-map from its starter set to a report with the map and its legend (PDF read back)', async () => {
    const { fac, people, report } = await start('stakeholder-engagement', ['Ana', 'Ben', 'Cy']);
    const item = fac.snap.state.agenda.find((i) => i.moduleType === 'ecomap');
    if (!item?.starter) throw new Error('the eco-map item lost its starter set');
    await ok(fac, { type: 'ecomap.addPartners', payload: { itemId: item.id, names: item.starter } });
    const map = ecoMapOf(fac.snap.state, item.id);
    expect(map.order.map((id) => map.partners[id]?.side)).toEqual(item.starter.map((n) => STARTER_PARTNERS.find((p) => p.name === n)?.side));
    await ok(fac, { type: 'ecomap.setVote', payload: { itemId: item.id, vote: 'open' } });
    const [courts, tribes] = [map.order[2] ?? '', map.order[3] ?? ''];
    for (const [n, p] of people.entries()) {
      await ok(p, { type: 'ecomap.mark', payload: { itemId: item.id, partnerId: courts, mark: 'red' } });
      await ok(p, { type: 'ecomap.mark', payload: { itemId: item.id, partnerId: tribes, mark: (['green', 'yellow', 'none'] as const)[n] ?? 'none' } });
    }
    await ok(fac, { type: 'ecomap.setVote', payload: { itemId: item.id, vote: 'closed' } });
    await ok(fac, { type: 'ecomap.showResults', payload: { itemId: item.id, shown: true } });
    const text = await report();
    expect(text).toContain('Tribes (split)');
    expect(text).toMatch(/Courts and judges\s+Courts\s+External\s+0\s+0\s+3\s+0\s+3\s+Red/);
    expect(text).toContain('Green: Keeping positive involvement');
    expect(text).toContain('No dot: Developing relationship and beginning');
    for (const name of ['Legislators', 'Youth', 'Schools']) expect(text).toContain(name);
  }, 60_000);
});
