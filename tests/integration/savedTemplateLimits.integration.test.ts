import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_SAVED_TEMPLATES, MAX_SAVES_PER_SESSION, SAVED_SAY } from '../../server/savedTemplates.js';
import { hashSecret } from '../../server/secrets.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import { client, closeClients, createSession, GENEROUS_LIMITS, SHIPPED_TEMPLATES, startServer, tempDir } from '../support/harness.js';
import { dbPath } from '../support/db.js';
import { listSaved, saveTemplate, type Saved } from '../support/savedTemplates.js';

afterEach(() => closeClients());

const DAY = 24 * 60 * 60 * 1000;
const errorOf = async (res: Response) => ((await res.json()) as { error: string }).error;

describe('saved templates: limits, retention and the migration', () => {
  it('limits saves per address per hour, in our words with Retry-After', async () => {
    const app = await startServer({ templatesDir: SHIPPED_TEMPLATES, limits: { ...GENEROUS_LIMITS, templateSavesPerHour: 2 } });
    try {
      for (let i = 0; i < 2; i++) expect((await saveTemplate(app, await createSession(app, { templateId: 'core-values' }), { title: `Copy ${i}` })).status).toBe(201);
      const res = await saveTemplate(app, await createSession(app, { templateId: 'core-values' }), { title: 'One more' });
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await errorOf(res)).toMatch(/^Too many templates were saved from your network \(at most 2 an hour\)\. Please try again in \d+ minutes\.$/);
    } finally {
      await app.close();
    }
  });

  it('lets one session save a few, and another after one of them is deleted', async () => {
    const app = await startServer({ templatesDir: SHIPPED_TEMPLATES });
    try {
      const s = await createSession(app, { templateId: 'core-values' });
      const saved: Saved[] = [];
      for (let i = 0; i < MAX_SAVES_PER_SESSION; i++) saved.push((await (await saveTemplate(app, s, { title: `Copy ${i}` })).json()) as Saved);
      const refused = await saveTemplate(app, s, { title: 'One too many' });
      expect(refused.status).toBe(409);
      expect(await errorOf(refused)).toBe(SAVED_SAY.sessionFull);
      await fetch(`${app.url}/api/templates/${saved[0]!.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${saved[0]!.key}` } });
      expect((await saveTemplate(app, s, { title: 'In its place' })).status).toBe(201);
    } finally {
      await app.close();
    }
  });

  it('keeps at most MAX_SAVED_TEMPLATES, and says so in a sentence', async () => {
    const app = await startServer({ templatesDir: SHIPPED_TEMPLATES });
    try {
      const s = await createSession(app, { templateId: 'pip-followup' });
      const store = openSqliteStore(app.dataDir);
      const caps = { total: MAX_SAVED_TEMPLATES, perSession: MAX_SAVED_TEMPLATES };
      for (let i = 0; i < MAX_SAVED_TEMPLATES; i++)
        store.saveTemplate({ id: `filler-${i}`, body: '{}', ownerKeyHash: 'x', savedAt: i, sessionId: `other-${i}`, usedAt: Date.now() }, caps);
      store.close();
      const res = await saveTemplate(app, s, { title: 'One too many' });
      expect(res.status).toBe(503);
      expect(await errorOf(res)).toBe(SAVED_SAY.full);
    } finally {
      await app.close();
    }
  });

  it('deletes saved templates unused for the retention period; a use keeps one', async () => {
    let t = Date.now();
    const dataDir = tempDir('ft-saved-retention-');
    const boot = () => startServer({ templatesDir: SHIPPED_TEMPLATES, dataDir, now: () => t, retentionDays: 30 });
    let app = await boot();
    const s = await createSession(app, { templateId: 'core-values' });
    const kept = (await (await saveTemplate(app, s, { title: 'Used' })).json()) as Saved;
    const idle = (await (await saveTemplate(app, s, { title: 'Unused' })).json()) as Saved;
    t += 20 * DAY;
    expect((await fetch(`${app.url}/api/templates/${kept.id}`, { headers: { authorization: `Bearer ${kept.key}` } })).status).toBe(200);
    await app.close();
    t += 15 * DAY; // 35 days after saving, 15 after the last use of one
    app = await boot();
    try {
      expect(await listSaved(app, [kept, idle])).toMatchObject({ templates: [{ id: kept.id }], gone: [idle.id] });
    } finally {
      await app.close();
    }
  });

  it('a version 4 file keeps its saved templates: the saving facilitator’s key opens them', async () => {
    const dataDir = tempDir('ft-saved-v4-');
    fs.copyFileSync(path.resolve('tests/fixtures/main-v2.sqlite'), dbPath(dataDir));
    const db = new Database(dbPath(dataDir));
    const body = { id: 'old-day-abcdef', title: 'Old day', description: '', items: [{ title: 'Welcome', plannedMinutes: 10, moduleType: 'discussion', prompt: '', facilitatorNotes: '' }] };
    db.exec(`ALTER TABLE sessions ADD COLUMN ballot_secret TEXT NOT NULL DEFAULT '';
      CREATE TABLE saved_templates (id TEXT PRIMARY KEY, body TEXT NOT NULL, owner_key_hash TEXT NOT NULL, saved_at INTEGER NOT NULL);`);
    db.prepare('INSERT INTO saved_templates VALUES (?, ?, ?, ?)').run(body.id, JSON.stringify(body), hashSecret('old-facilitator-key'), 1);
    db.pragma('user_version = 4');
    db.close();
    const app = await startServer({ templatesDir: SHIPPED_TEMPLATES, dataDir });
    try {
      const old = { id: body.id, key: 'old-facilitator-key' };
      expect(await listSaved(app, [old])).toMatchObject({ templates: [{ id: body.id, title: 'Old day', itemCount: 1, totalMinutes: 10 }], gone: [] });
      const started = await createSession(app, { templateId: body.id, templateKey: old.key });
      const fac = client(app);
      await fac.join({ role: 'facilitator', sessionId: started.sessionId, facilitatorKey: started.facilitatorKey });
      expect(fac.snap.state.agenda.map((i) => [i.title, i.plannedMinutes])).toEqual([['Welcome', 10]]);
      expect(((await (await fetch(`${app.url}/api/templates`)).json()) as Array<{ id: string }>).map((x) => x.id)).not.toContain(body.id);
    } finally {
      await app.close();
    }
    const check = new Database(dbPath(dataDir), { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(5);
    check.close();
  });
});
