import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionClient } from '../../client/net/sessionClient.js';
import { SYNTHESIS_COLUMNS } from '../../shared/modules/plenary/plenary.state.js';
import { workGroupsOf } from '../../shared/modules/workgroup/workgroup.state.js';
import type { CommandInput } from '../../shared/protocol/commands.js';
import { allNotes } from '../../shared/session/notes.js';
import { client, createSession, SHIPPED_TEMPLATES, startServer, waitFor } from '../support/harness.js';
import { isPdf, pdfText } from '../support/pdfText.js';

let app: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => (app = await startServer({ templatesDir: SHIPPED_TEMPLATES })));
afterAll(() => app.close());
async function ok(c: SessionClient, body: CommandInput) {
  const r = await c.send(body);
  if (!r.ok) throw new Error(`${body.type}: ${r.error.message}`);
  await waitFor(() => c.snap.state.seq >= r.seq, body.type);
}
describe('the kick-off day’s whole report', () => {
  it('holds the themes, every group’s report-out once, the questions, the synthesis with dots and links, and next steps (PDF read back)', async () => {
    const s = await createSession(app, { templateId: 'pip-kickoff' });
    const fac = client(app);
    await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
    const item = (t: string) => fac.snap.state.agenda.find((i) => i.moduleType === t)!.id;
    for (const title of ['Safety of children in care', 'Permanency and timely reunification', 'Well-being and services']) await ok(fac, { type: 'workgroup.addTheme', payload: { title } });
    await ok(fac, { type: 'workgroup.makeGroups', payload: {} });
    const groups = workGroupsOf(fac.snap.state).groups.map((g) => g.id);
    const people: SessionClient[] = [];
    for (const [n, name] of ['Ana', 'Ben', 'Cy', 'Dee', 'Eve', 'Fay'].entries()) {
      const c = client(app);
      await c.join({ role: 'participant', joinCode: s.joinCode, name });
      await ok(c, { type: 'workgroup.join', payload: { workGroupId: groups[n % 3]! } });
      people.push(c);
    }
    const texts = [
      ['Fund kinship navigators in every county', 'Caseload data by county each month', 'Tribal child welfare programs', 'Coaching on safety assessment'],
      ['Faster court dates for permanency hearings', 'Time-to-permanency by court', 'Family court judges and CASA', 'Help with concurrent planning'],
      ['Screen every child for trauma at entry', 'Which services have waitlists', 'Youth advisory board', 'Data dashboards for well-being'],
    ];
    for (const [g, t] of texts.entries()) {
      const c = people[g]!;
      const fields = ['recommendations', 'information', 'stakeholders', 'assistance'] as const;
      for (const [i, f] of fields.entries()) await ok(c, { type: 'workgroup.addAnswer', payload: { workGroupId: groups[g]!, field: f, text: t[i]! } });
      await ok(c, { type: 'workgroup.addStrategy', payload: { workGroupId: groups[g]!, text: `Strategy for ${t[0]}` } });
      const st = Object.values(workGroupsOf(c.snap.state).strategies).find((x) => x.workGroupId === groups[g])!;
      await ok(c, { type: 'workgroup.addStep', payload: { strategyId: st.id, what: 'Draft a plan', owner: 'State', byWhen: 'March' } });
    }
    const ro = item('reportout');
    for (const g of groups) await ok(fac, { type: 'plenary.present', payload: { itemId: ro, workGroupId: g } });
    await ok(people[4]!, { type: 'plenary.react', payload: { workGroupId: groups[2]!, kind: 'question', text: 'How long is the waitlist today?' } });
    const syn = item('synthesis');
    const wg = workGroupsOf(fac.snap.state);
    for (const a of Object.values(wg.answers).filter((x) => x.field === 'recommendations'))
      await ok(fac, { type: 'plenary.pull', payload: { itemId: syn, column: SYNTHESIS_COLUMNS[3], workGroupId: a.workGroupId, field: 'recommendations', sourceId: a.id } });
    for (const a of Object.values(wg.answers).filter((x) => x.field === 'assistance'))
      await ok(fac, { type: 'plenary.pull', payload: { itemId: syn, column: SYNTHESIS_COLUMNS[2], workGroupId: a.workGroupId, field: 'assistance', sourceId: a.id } });
    await ok(people[0]!, { type: 'note.add', payload: { itemId: syn, column: SYNTHESIS_COLUMNS[0], text: 'Every group asked for county data' } });
    for (const to of ['reveal', 'cluster', 'vote'] as const) await ok(fac, { type: 'flow.advance', payload: { itemId: syn, to } });
    const notes = allNotes(fac.snap.state).filter((n) => n.itemId === syn && n.column === SYNTHESIS_COLUMNS[3]);
    for (const [i, p] of people.entries()) await ok(p, { type: 'flow.dot', payload: { itemId: syn, target: { kind: 'note', id: notes[i % notes.length]!.id }, delta: 1 } });
    const trauma = notes.find((n) => n.text === 'Screen every child for trauma at entry')!;
    await ok(people[0]!, { type: 'flow.dot', payload: { itemId: syn, target: { kind: 'note', id: trauma.id }, delta: 1 } });
    await ok(fac, { type: 'flow.advance', payload: { itemId: syn, to: 'results' } });
    const ns = item('nextsteps');
    await ok(fac, { type: 'plenary.addNextStep', payload: { itemId: ns, what: 'Send the draft PIP strategies to the Regional Office', owner: 'State PIP team', partner: 'regional-office', term: 'short', date: '2026-12-15' } });
    await ok(fac, { type: 'plenary.addNextStep', payload: { itemId: ns, what: 'Plan T/TA on concurrent planning', owner: 'NRCOI', partner: 'resource-centers', term: 'long', date: '' } });
    const res = await fetch(`${app.url}/api/sessions/${s.sessionId}/report.pdf`, { headers: { authorization: `Bearer ${s.facilitatorKey}` } });
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(isPdf(bytes)).toBe(true);
    const text = pdfText(bytes).replace(/[ \t]+/g, ' ');

    // The themes, in order, on the themes item.
    expect(text).toMatch(/1\. Safety of children in care\s+2\. Permanency and timely reunification\s+3\. Well-being and services/);
    // Each group's report-out is printed once (under the work-groups item); the report-out item gives the order and questions.
    expect(text.match(/Youth advisory board/g)).toHaveLength(1);
    expect(text).toContain('Each group’s report-out is printed under “Group planning: theme work groups”.');
    expect(text).toMatch(/Order Group 3 of 3/);
    expect(text).toContain('Question: How long is the waitlist today?');
    // The synthesis: the recommendations ranked by the room's dots, and each pulled entry with its group and dots.
    expect(text).toMatch(/1 Screen every child for trauma at entry 3 dots/);
    // A table row wraps its cells over lines: its first line holds the entry, the first words of each cell and the dots.
    expect(text).toMatch(/Screen every child for trauma at[^\n]*Recommendations[^\n]*Well-being and[^\n]* 3\n/);
    // Next steps with owner, partner, term and date.
    expect(text).toContain('Children\'s Bureau Regional Office');
    expect(text).toMatch(/Plan T\/TA on concurrent planning NRCOI National Resource[^\n]*Long term/);
  }, 60_000);
});
