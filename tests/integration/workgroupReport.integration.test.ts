import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SessionClient } from '../../client/net/sessionClient.js';
import { workGroupsOf } from '../../shared/modules/workgroup/workgroup.state.js';
import { client, createSession, itemOfType, type Created } from '../support/harness.js';
import { isPdf, pdfText } from '../support/pdfText.js';
import { bytesOf, getWith, ok, useServer } from '../support/reportServer.js';

const server = useServer();
const squash = (s: string): string => s.replace(/\s+/g, ' ');

/** Two themes and their groups, each with a strategy, an action step and report-out answers; group A ready. */
async function afternoon(): Promise<{ s: Created; fac: SessionClient; itemId: string; A: string; B: string }> {
  const s = await createSession(server());
  const fac = client(server());
  await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
  await ok(fac, { type: 'agenda.addItem', payload: { item: { title: 'Theme work groups', plannedMinutes: 90, moduleType: 'workgroups' } } });
  const itemId = itemOfType(fac, 'workgroups');
  for (const title of ['Permanency for older youth', 'Safety at intake']) await ok(fac, { type: 'workgroup.addTheme', payload: { title } });
  await ok(fac, { type: 'workgroup.makeGroups', payload: {} });
  const [A, B] = workGroupsOf(fac.snap.state).groups.map((g) => g.id) as [string, string];
  const ana = client(server());
  await ana.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana Whitfield' });
  await ok(ana, { type: 'workgroup.join', payload: { workGroupId: A } });
  await ok(ana, { type: 'workgroup.lead', payload: { workGroupId: A } });
  await ok(ana, { type: 'workgroup.addStrategy', payload: { workGroupId: A, text: 'Kinship placements first' } });
  const strategyId = Object.keys(workGroupsOf(ana.snap.state).strategies)[0]!;
  await ok(ana, { type: 'workgroup.addStep', payload: { strategyId, what: 'Train intake staff on kin search', owner: 'State', byWhen: 'March 2027' } });
  await ok(ana, { type: 'workgroup.addAnswer', payload: { workGroupId: A, field: 'recommendations', text: 'Fund kinship navigators' } });
  await ok(ana, { type: 'workgroup.addAnswer', payload: { workGroupId: A, field: 'stakeholders', text: 'Tribal courts' } });
  await ok(ana, { type: 'workgroup.ready', payload: { workGroupId: A, ready: true } });
  await ok(fac, { type: 'workgroup.addStrategy', payload: { workGroupId: B, text: 'Structured decision making' } });
  await ok(fac, { type: 'workgroup.addAnswer', payload: { workGroupId: B, field: 'assistance', text: 'Coaching on safety plans' } });
  return { s, fac, itemId, A, B };
}

describe('a work group’s report-out as a file', () => {
  it('a group’s PDF holds its own group only: theme, leader, strategy with its step, its answers, ready', async () => {
    const { s, itemId, A, B } = await afternoon();
    const res = await getWith(server(), `/api/sessions/${s.sessionId}/items/${itemId}/groups/${A}/report.pdf?names=1`, s.facilitatorKey);
    expect(res.status).toBe(200);
    const bytes = await bytesOf(res);
    expect(isPdf(bytes)).toBe(true);
    const dir = path.resolve('test-results/workgroup');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'group-report-out.pdf'), bytes);
    const text = squash(pdfText(bytes));
    for (const s of ['Permanency for older youth', 'Ana Whitfield', 'Kinship placements first', 'Train intake staff on kin search', 'March 2027',
      'Fund kinship navigators', 'Tribal courts', 'Basic recommendations', 'Additional information the work group needs',
      'Other stakeholders who should be involved in this work', 'Technical-assistance needs', 'Ready'])
      expect(text).toContain(s);
    for (const other of ['Safety at intake', 'Structured decision making', 'Coaching on safety plans']) expect(text).not.toContain(other);
    // Without names the leader's name stays out; the other group's file holds the other group.
    const unnamed = squash(pdfText(await bytesOf(await getWith(server(), `/api/sessions/${s.sessionId}/items/${itemId}/groups/${A}/report.pdf`, s.facilitatorKey))));
    expect(unnamed).not.toContain('Ana Whitfield');
    const md = await (await getWith(server(), `/api/sessions/${s.sessionId}/items/${itemId}/groups/${B}/report.md`, s.facilitatorKey)).text();
    expect(md).toContain('Coaching on safety plans');
    expect(md).not.toContain('Fund kinship navigators');
    const missing = await getWith(server(), `/api/sessions/${s.sessionId}/items/${itemId}/groups/constructor/report.pdf`, s.facilitatorKey);
    expect(missing.status).toBe(404);
  });

  it('the whole-day report holds the themes and every group’s report-out', async () => {
    const { s } = await afternoon();
    const md = await (await getWith(server(), `/api/sessions/${s.sessionId}/report.md`, s.facilitatorKey)).text();
    for (const x of ['Theme work groups', 'Permanency for older youth', 'Safety at intake', 'Fund kinship navigators', 'Coaching on safety plans', '2 work groups, 1 report-out marked ready.'])
      expect(md).toContain(x);
  });
});
