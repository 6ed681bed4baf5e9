import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionClient } from '../../client/net/sessionClient.js';
import { loadTemplates } from '../../server/templates.js';
import { loadProtocol } from '../../shared/modules/registry.js';
import { buildReport } from '../../shared/report/session.js';
import { seededRng } from '../../shared/rehearsal/rng.js';
import { expectCurricula } from '../support/curricula.js';
import { client, closeClients, createSession, SHIPPED_TEMPLATES, startServer } from '../support/harness.js';
import { isPdf, pdfText } from '../support/pdfText.js';
import { rehearseItem, type Refusal } from '../support/rehearsal.js';
import { producedTexts, unfinished } from '../support/rehearsalEnd.js';

/** A few simulated participants: enough for groups, votes and report-outs, few enough for `npm test`. */
const ROOM = ['Ana', 'Ben', 'Chen', 'Dee'];

let app: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => (app = await startServer({ templatesDir: SHIPPED_TEMPLATES })));
afterAll(() => {
  closeClients();
  return app.close();
});

await loadProtocol();
const shipped = loadTemplates(SHIPPED_TEMPLATES);

describe('the curricula in sessions/', () => {
  it('all validate, and every source document has at least one', () => {
    expectCurricula(shipped);
  });

  it.each(shipped.templates.map((t) => [t.id]))('%s runs end to end with simulated participants', async (templateId) => {
    await rehearseTemplate(templateId);
  });

  it('a rehearsed curriculum’s PDF report names every item and shows the groups’ work', async () => {
    const { s, fac } = await rehearseTemplate('collaboration-element-groups');
    const res = await fetch(`${app.url}/api/sessions/${s.sessionId}/report.pdf`, { headers: { authorization: `Bearer ${s.facilitatorKey}` } });
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(isPdf(bytes)).toBe(true);
    // A sample to look at (pdftoppm -r 60 -png), kept out of git like the end-to-end screenshots.
    fs.mkdirSync('test-results/report', { recursive: true });
    fs.writeFileSync('test-results/report/collaboration-element-groups.pdf', bytes);
    const text = pdfText(bytes).replace(/\s+/g, ' ');
    for (const item of fac.snap.state.agenda) expect(text, item.title).toContain(item.title.replace(/\s+/g, ' '));
    for (const theme of ['Engagement of other partners', 'Communication', 'Needs assessment', 'Sustainability']) expect(text).toContain(theme);
  });
});

/** Creates a session from the template, joins the room, rehearses every item, and checks the end states and the report. */
async function rehearseTemplate(templateId: string) {
  const s = await createSession(app, { templateId });
  const fac = client(app);
  await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
  const people: SessionClient[] = [];
  for (const name of ROOM) {
    const c = client(app);
    await c.join({ role: 'participant', joinCode: s.joinCode, name });
    people.push(c);
  }
  const refusals: Refusal[] = [];
  const rng = seededRng(templateId.length * 7919);
  const ids = people.map((p) => p.snap.participantId ?? '');
  const problems: string[] = [];
  for (const item of fac.snap.state.agenda) {
    await rehearseItem(fac, people, item.id, rng, refusals);
    const now = fac.snap.state.agenda.find((i) => i.id === item.id);
    if (now) problems.push(...unfinished(fac.snap.state, now, ids));
  }
  expect(refusals).toEqual([]);
  expect(problems).toEqual([]);

  const report = buildReport(fac.snap.state, { scope: { kind: 'session' }, names: false, at: Date.now() });
  const agenda = fac.snap.state.agenda;
  for (const item of agenda) {
    const section = report.sections.find((x) => x.title === item.title) ?? report.sections.find((x) => x.title.includes(item.title));
    expect(section, `${templateId}: a section for "${item.title}"`).toBeDefined();
    expect(section?.blocks.length, `${templateId}: "${item.title}" has content`).toBeGreaterThan(0);
    // What the rehearsal produced on the item is in its section (a note, a value, a partner, a strategy...).
    const produced = producedTexts(fac.snap.state, item);
    const printed = JSON.stringify(section?.blocks ?? []);
    if (produced.length) expect(produced.some((t) => printed.includes(JSON.stringify(t).slice(1, -1))), `${templateId}: "${item.title}" shows its content`).toBe(true);
  }
  return { s, fac };
}
