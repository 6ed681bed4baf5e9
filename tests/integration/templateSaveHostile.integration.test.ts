import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, startServer } from '../support/harness.js';

let app: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => (app = await startServer()));
afterAll(() => app.close());

describe('saving an agenda as a template, asked oddly', () => {
  it('a save without a name is asked for one; a name that is not text is told so', async () => {
    const s = await createSession(app);
    const save = (body?: string) =>
      fetch(`${app.url}/api/sessions/${s.sessionId}/templates`, { method: 'POST', headers: { authorization: `Bearer ${s.facilitatorKey}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body } : {}) });
    for (const [body, sentence] of [
      [undefined, 'Give the template a name.'],
      ['{}', 'Give the template a name.'],
      ['{"description":"Our day"}', 'Give the template a name.'],
      ['{"title":"   "}', 'Give the template a name.'],
      ['{"title":5}', 'A template name is text.'],
      ['{"title":null}', 'A template name is text.'],
    ] as const) {
      const res = await save(body);
      expect(res.status, body).toBe(400);
      expect(((await res.json()) as { error: string }).error, body).toBe(sentence);
    }
  });
});
