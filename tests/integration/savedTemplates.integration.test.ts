import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTemplates } from '../../server/templates.js';
import { MAX_SAVED_TEMPLATES } from '../../server/savedTemplates.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import { client, closeClients, createSession, SHIPPED_TEMPLATES, startServer, tempDir, type Created } from '../support/harness.js';
import { dbPath } from '../support/db.js';

type Listed = { id: string; title: string; saved?: boolean; source?: string; items: Array<Record<string, unknown>> };

describe('saved templates (real server, SQLite)', () => {
  let app: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    app = await startServer({ templatesDir: SHIPPED_TEMPLATES });
  });
  afterAll(async () => {
    closeClients();
    await app.close();
  });

  const save = (s: Created, body: object, key = s.facilitatorKey) =>
    fetch(`${app.url}/api/sessions/${s.sessionId}/templates`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify(body),
    });
  const list = async () => (await (await fetch(`${app.url}/api/templates`)).json()) as Listed[];

  it('saves an edited agenda, lists it as saved, downloads a file that loads as a template, and starts from it', async () => {
    const s = await createSession(app, { templateId: 'core-values' });
    const fac = client(app);
    expect((await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey })).ok).toBe(true);
    const last = fac.snap.state.agenda.at(-1)!;
    const before = fac.snap.state.agenda.map((i) => i.title);
    expect((await fac.send({ type: 'agenda.moveItem', payload: { itemId: last.id, toIndex: 0 } })).ok).toBe(true);
    expect((await fac.send({ type: 'agenda.updateItem', payload: { itemId: last.id, patch: { plannedMinutes: 7, facilitatorNotes: 'Start here.' } } })).ok).toBe(true);

    const res = await save(s, { title: 'Core values, our way', description: 'Our cohort’s order.' });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect(id).toMatch(/^core-values-our-way-[a-z0-9]{6}$/);

    const listed = (await list()).find((t) => t.id === id)!;
    expect(listed.saved).toBe(true);
    expect(listed.items[0]).toMatchObject({ title: last.title, plannedMinutes: 7 });
    expect(JSON.stringify(listed)).not.toContain('Start here.'); // the list is public: no facilitator notes
    expect((await list()).find((t) => t.id === 'core-values')?.saved).toBeUndefined();

    expect((await fetch(`${app.url}/api/templates/${id}/file`)).status).toBe(403);
    const file = await fetch(`${app.url}/api/templates/${id}/file`, { headers: { authorization: `Bearer ${s.facilitatorKey}` } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="${id}.json"`);
    const dir = tempDir('ft-saved-');
    fs.writeFileSync(path.join(dir, `${id}.json`), await file.text());
    const loaded = loadTemplates(dir);
    expect(loaded.errors).toEqual([]);
    expect(loaded.templates[0]).toMatchObject({ id, title: 'Core values, our way', description: 'Our cohort’s order.' });
    expect(loaded.templates[0]!.items[0]).toMatchObject({ plannedMinutes: 7, facilitatorNotes: 'Start here.' });
    expect(loaded.templates[0]!.items.map((i) => i.title)).toEqual([last.title, ...before.slice(0, -1)]);

    const again = await createSession(app, { templateId: id });
    const fac2 = client(app);
    expect((await fac2.join({ role: 'facilitator', sessionId: again.sessionId, facilitatorKey: again.facilitatorKey })).ok).toBe(true);
    expect(fac2.snap.state.agenda.map((i) => i.title)).toEqual([last.title, ...before.slice(0, -1)]);
  });

  it('refuses a bad name, a wrong key and an empty agenda in our own words, and saves nothing', async () => {
    const s = await createSession(app, { templateId: 'core-values' });
    const before = (await list()).length;
    for (const [body, status, words] of [
      [{ title: '   ' }, 400, 'Give the template a name.'],
      [{ title: 'x'.repeat(121) }, 400, 'A template name can be at most 120 characters.'],
      [{ title: 7 }, 400, 'A template name is text.'],
      [{ title: 'ok', extra: 1 }, 400, 'Send {"title": "...", "description": "..."} to save the agenda as a template.'],
    ] as const) {
      const res = await save(s, body);
      expect(res.status).toBe(status);
      expect(((await res.json()) as { error: string }).error).toBe(words);
    }
    const wrong = await save(s, { title: 'Mine' }, 'not-the-key');
    expect(wrong.status).toBe(403);
    const blank = await createSession(app, { title: 'Empty' });
    const empty = await save(blank, { title: 'Nothing' });
    expect(((await empty.json()) as { error: string }).error).toBe('The agenda is empty: add an item before saving it as a template.');
    expect((await list()).length).toBe(before);
  });

  it('deletes a saved template with the saving session’s key only', async () => {
    const s = await createSession(app, { templateId: 'pip-followup' });
    const other = await createSession(app, { templateId: 'pip-followup' });
    const { id } = (await (await save(s, { title: 'To delete' })).json()) as { id: string };
    const del = (key: string) => fetch(`${app.url}/api/templates/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${key}` } });
    expect((await del(other.facilitatorKey)).status).toBe(403);
    expect((await list()).some((t) => t.id === id)).toBe(true);
    expect((await del(s.facilitatorKey)).status).toBe(204);
    expect((await list()).some((t) => t.id === id)).toBe(false);
    expect((await fetch(`${app.url}/api/templates/data-retreat`, { method: 'DELETE' })).status).toBe(404); // built-ins stay
  });
});

describe('saved templates: the cap and the migration', () => {
  it('keeps at most MAX_SAVED_TEMPLATES, and says so', async () => {
    const app = await startServer({ templatesDir: SHIPPED_TEMPLATES });
    try {
      const s = await createSession(app, { templateId: 'pip-followup' });
      const store = openSqliteStore(app.dataDir);
      for (let i = 0; i < MAX_SAVED_TEMPLATES; i++) store.saveTemplate({ id: `filler-${i}`, body: '{}', ownerKeyHash: 'x', savedAt: i }, MAX_SAVED_TEMPLATES);
      store.close();
      const res = await fetch(`${app.url}/api/sessions/${s.sessionId}/templates`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${s.facilitatorKey}` },
        body: JSON.stringify({ title: 'One too many' }),
      });
      expect(res.status).toBe(409);
      expect(((await res.json()) as { error: string }).error).toContain(`at most ${MAX_SAVED_TEMPLATES} saved templates`);
    } finally {
      await app.close();
    }
  });

  it('a version 2 file gains the saved_templates table', () => {
    const dataDir = tempDir('ft-saved-mig-');
    fs.copyFileSync(path.resolve('tests/fixtures/main-v2.sqlite'), dbPath(dataDir));
    openSqliteStore(dataDir).close();
    const db = new Database(dbPath(dataDir), { readonly: true });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'saved_templates'").get()).toEqual({ name: 'saved_templates' });
    db.close();
  });
});
