import { describe, expect, it } from 'vitest';
import { SAY } from '../../server/sentences.js';
import { memoryStorage, participantTokenOf, type SessionClient } from '../../client/net/sessionClient.js';
import { client, createSession, itemOfType, waitFor } from '../support/harness.js';
import { isPdf, pdfText } from '../support/pdfText.js';
import { bytesOf, errorOf, getWith, ok, useServer } from '../support/reportServer.js';

const server = useServer();

/** A phone that joined, with the token its device keeps (what the phone's download sends). */
async function phone(code: string, name: string): Promise<{ c: SessionClient; token: string }> {
  const storage = memoryStorage();
  const c = client(server(), storage);
  expect((await c.join({ role: 'participant', joinCode: code, name })).ok).toBe(true);
  const token = participantTokenOf(storage, code);
  if (!token) throw new Error('no token kept');
  return { c, token };
}

describe("a member's own work group report-out as a PDF", () => {
  it('opens with the phone\'s token once ready, holds only that group, and never another group\'s', async () => {
    const s = await createSession(server());
    const fac = client(server());
    await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
    await ok(fac, { type: 'agenda.addItem', payload: { item: { title: 'Theme work groups', plannedMinutes: 60, moduleType: 'workgroups' } } });
    const itemId = itemOfType(fac, 'workgroups');
    await ok(fac, { type: 'workgroup.addTheme', payload: { title: 'Safety of children in foster care' } });
    await ok(fac, { type: 'workgroup.addTheme', payload: { title: 'Permanency for older youth' } });
    await ok(fac, { type: 'workgroup.makeGroups', payload: {} });
    const [safety, permanency] = fac.snap.state.workgroups.groups;
    if (!safety || !permanency) throw new Error('two groups expected');

    const ana = await phone(s.joinCode, 'Ana');
    const ben = await phone(s.joinCode, 'Ben');
    const cy = await phone(s.joinCode, 'Cy');
    await ok(ana.c, { type: 'workgroup.join', payload: { workGroupId: safety.id } });
    await ok(ben.c, { type: 'workgroup.join', payload: { workGroupId: permanency.id } });
    await ok(ana.c, { type: 'workgroup.addAnswer', payload: { workGroupId: safety.id, field: 'recommendations', text: 'Hire two more caseworkers' } });
    await ok(ana.c, { type: 'workgroup.addStrategy', payload: { workGroupId: safety.id, text: 'Shorter time to first visit' } });
    await ok(ben.c, { type: 'workgroup.addAnswer', payload: { workGroupId: permanency.id, field: 'recommendations', text: 'Kinship navigators in every county' } });
    await ok(ben.c, { type: 'workgroup.lead', payload: { workGroupId: permanency.id } });
    await ok(ben.c, { type: 'workgroup.ready', payload: { workGroupId: permanency.id, ready: true } });

    const url = `/api/sessions/${s.sessionId}/items/${itemId}/my-group/report.pdf`;
    // Not ready yet: the sentence says who marks it.
    const early = await getWith(server(), url, ana.token);
    expect(early.status).toBe(409);
    expect(await errorOf(early)).toBe(SAY.groupNotReady);

    await ok(ana.c, { type: 'workgroup.lead', payload: { workGroupId: safety.id } });
    await ok(ana.c, { type: 'workgroup.ready', payload: { workGroupId: safety.id, ready: true } });
    const res = await getWith(server(), `${url}?tz=America/Chicago`, ana.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=/);
    const bytes = await bytesOf(res);
    expect(isPdf(bytes)).toBe(true);
    const text = pdfText(bytes);
    expect(text).toContain('Safety of children in foster care');
    expect(text).toContain('Hire two more caseworkers');
    expect(text).toContain('Shorter time to first visit');
    // Nothing of the other group, and no names (the room's rule).
    expect(text).not.toContain('Kinship navigators');
    expect(text).not.toContain('Permanency');
    expect(text).not.toContain('Ana');

    // The other member gets their own group's, with the same address: the token picks the group.
    const bens = pdfText(await bytesOf(await getWith(server(), url, ben.token)));
    expect(bens).toContain('Kinship navigators in every county');
    expect(bens).not.toContain('Hire two more caseworkers');

    // No token, a wrong one or the facilitator's key: not a member. A member in no group: nothing to download.
    for (const key of [undefined, 'not-a-token', s.facilitatorKey]) {
      const refused = await getWith(server(), url, key);
      expect(refused.status).toBe(403);
      expect(await errorOf(refused)).toBe(SAY.groupPdfNeedsMember);
    }
    const none = await getWith(server(), url, cy.token);
    expect(none.status).toBe(404);
    expect(await errorOf(none)).toBe(SAY.noWorkGroup);
    // A token of this session opens nothing in another session.
    const other = await createSession(server());
    expect((await getWith(server(), `/api/sessions/${other.sessionId}/items/${itemId}/my-group/report.pdf`, ana.token)).status).toBe(403);
    // Unknown options are refused in our words.
    const bad = await getWith(server(), `${url}?names=1`, ana.token);
    expect(bad.status).toBe(400);
    expect(await errorOf(bad)).toContain('takes paper (letter or a4) and tz, not "names"');

    // Moved to the other group by the facilitator, Ana's phone gets that group's report-out, not her old one.
    await ok(fac, { type: 'workgroup.assign', payload: { participantId: ana.c.snap.participantId ?? '', workGroupId: permanency.id } });
    await waitFor(() => ana.c.snap.state.workgroups.members[ana.c.snap.participantId ?? ''] === permanency.id, 'the move on the phone');
    const moved = pdfText(await bytesOf(await getWith(server(), url, ana.token)));
    expect(moved).toContain('Kinship navigators in every county');
    expect(moved).not.toContain('Hire two more caseworkers');
  }, 30_000);
});
