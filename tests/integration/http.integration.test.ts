import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET } from '../../shared/protocol/limits.js';
import { createSession, SHIPPED_TEMPLATES, startServer, tempDir } from '../support/harness.js';

describe('HTTP API', () => {
  let app: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    app = await startServer({ templatesDir: SHIPPED_TEMPLATES });
  });
  afterAll(() => app.close());

  it('answers /health', async () => {
    const res = await fetch(`${app.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('lists the shipped agenda templates with their items', async () => {
    const list = (await (await fetch(`${app.url}/api/templates`)).json()) as Array<{ id: string; items: unknown[] }>;
    const ids = list.map((t) => t.id);
    expect(ids).toContain('data-retreat');
    expect(list.find((t) => t.id === 'data-retreat')?.items.length).toBeGreaterThan(3);
    expect(JSON.stringify(list)).not.toContain('facilitatorNotes'); // the list is public
    expect(app.templateErrors).toEqual([]);
  });

  it('creates a session from a template or blank, with a secret key and a readable join code', async () => {
    const s = await createSession(app, { templateId: 'data-retreat' });
    expect(s.facilitatorKey.length).toBeGreaterThanOrEqual(21);
    expect(s.joinCode).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
    expect(s.joinCode).not.toMatch(/[01OIL]/);
    expect(s.facilitatorUrl).toContain(s.facilitatorKey);
    expect(s.joinUrl).toMatch(new RegExp(`/join/${s.joinCode}$`));
    expect(s.joinUrl).not.toContain(s.facilitatorKey);
    expect(s.boardUrl).not.toContain(s.facilitatorKey);
    const blank = await createSession(app, { title: 'Board meeting' });
    expect(blank.sessionId).not.toBe(s.sessionId);
  });

  it('gives every session its own join code', async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 60; i++) codes.add((await createSession(app, { title: `S${i}` })).joinCode);
    expect(codes.size).toBe(60);
  });

  it('refuses bad session requests with a clear message', async () => {
    const post = (body: string) => fetch(`${app.url}/api/sessions`, { method: 'POST', body });
    const cases: Array<[string, number, RegExp]> = [
      ['{"templateId":"nope"}', 404, /No template with id "nope"/],
      ['{"title":"  "}', 400, /title/],
      ['not json', 400, /must be JSON/],
      ['{"title":"a","extra":1}', 400, /nothing else \(not "extra"\)/],
      [JSON.stringify({ title: 'x'.repeat(10_000) }), 413, /too large/],
    ];
    for (const [body, status, message] of cases) {
      const res = await post(body);
      expect(res.status, body.slice(0, 40)).toBe(status);
      expect(((await res.json()) as { error: string }).error).toMatch(message);
    }
    expect((await fetch(`${app.url}/api/sessions`)).status).toBe(405);
    expect((await fetch(`${app.url}/api/nothing`)).status).toBe(404);
  });
});

describe('template validation at start-up', () => {
  it('reports a broken template by file and field and still serves the others', async () => {
    const dir = tempDir('ft-templates-');
    fs.copyFileSync(path.resolve('sessions/data-retreat.json'), path.join(dir, 'good.json'));
    fs.writeFileSync(
      path.join(dir, 'broken.json'),
      JSON.stringify({ id: 'broken', title: 'Broken', items: [{ title: 'A', plannedMinutes: 'ten', moduleType: 'board' }] }),
    );
    fs.writeFileSync(path.join(dir, 'garbled.json'), '{ not json');
    const app = await startServer({ templatesDir: dir });
    try {
      expect(app.templateErrors).toHaveLength(2);
      expect(app.templateErrors.find((e) => e.startsWith('broken.json'))).toMatch(/items\.0\.plannedMinutes/);
      expect(app.templateErrors.find((e) => e.startsWith('garbled.json'))).toMatch(/not valid JSON/);
      const list = (await (await fetch(`${app.url}/api/templates`)).json()) as Array<{ id: string }>;
      expect(list.map((t) => t.id)).toEqual(['data-retreat']);
    } finally {
      await app.close();
    }
  });
});
