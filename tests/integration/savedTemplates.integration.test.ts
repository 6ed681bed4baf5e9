import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTemplates } from '../../server/templates.js';
import { SAVED_SAY } from '../../server/savedTemplates.js';
import { client, closeClients, createSession, SHIPPED_TEMPLATES, startServer, tempDir } from '../support/harness.js';
import { expectCurricula } from '../support/curricula.js';
import { listSaved, saveTemplate, type Saved } from '../support/savedTemplates.js';

type Listed = { id: string; title: string; source?: string; items: Array<Record<string, unknown>> };
const DAY_TEXT = new Date().toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

describe('saved templates are private to the one who saved them (real server, SQLite)', () => {
  let app: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    app = await startServer({ templatesDir: SHIPPED_TEMPLATES });
  });
  afterAll(async () => {
    closeClients();
    await app.close();
  });
  const list = async () => (await (await fetch(`${app.url}/api/templates`)).json()) as Listed[];
  const withKey = (key: string) => ({ headers: { authorization: `Bearer ${key}` } });

  it('saving hands out a template key once; the public list never shows the template; the key lists, opens, starts and downloads it', async () => {
    const s = await createSession(app, { templateId: 'core-values' });
    const fac = client(app);
    expect((await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey })).ok).toBe(true);
    const last = fac.snap.state.agenda.at(-1)!;
    const before = fac.snap.state.agenda.map((i) => i.title);
    expect((await fac.send({ type: 'agenda.moveItem', payload: { itemId: last.id, toIndex: 0 } })).ok).toBe(true);
    expect((await fac.send({ type: 'agenda.updateItem', payload: { itemId: last.id, patch: { plannedMinutes: 7, facilitatorNotes: 'Start here.' } } })).ok).toBe(true);
    const order = [last.title, ...before.slice(0, -1)];

    const res = await saveTemplate(app, s, { title: 'Core values, our way', description: 'Our cohort’s order.' });
    expect(res.status).toBe(201);
    const saved = (await res.json()) as Saved;
    expect(saved.id).toMatch(/^core-values-our-way-[a-z0-9]{6}$/);
    expect(saved.key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(saved.key).not.toBe(s.facilitatorKey);

    // Nobody else sees it: the public list holds the built-in templates only.
    const publicList = await list();
    expect(publicList.map((t) => t.id)).not.toContain(saved.id);
    expect(publicList).toHaveLength(loadTemplates(SHIPPED_TEMPLATES).templates.length);

    // The owner's list: a summary without items; a wrong key and an unknown id come back as gone.
    const mine = await listSaved(app, [saved, { id: saved.id, key: s.facilitatorKey }, { id: 'nothing-abcdef', key: saved.key }]);
    expect(mine.templates).toEqual([
      { id: saved.id, title: 'Core values, our way', description: 'Our cohort’s order.', source: expect.stringMatching(/^seed 000/), itemCount: 5, totalMinutes: expect.any(Number) },
    ]);
    expect(mine.gone).toEqual([saved.id, 'nothing-abcdef']);

    // Opening, the file and starting need the template key; without it, one sentence of ours and nothing else.
    for (const url of [`/api/templates/${saved.id}`, `/api/templates/${saved.id}/file`]) {
      for (const init of [{}, withKey(s.facilitatorKey)]) {
        const refused = await fetch(app.url + url, init);
        expect(refused.status).toBe(404);
        expect(await refused.json()).toEqual({ error: SAVED_SAY.gone });
      }
    }
    const opened = (await (await fetch(`${app.url}/api/templates/${saved.id}`, withKey(saved.key))).json()) as Listed;
    expect(opened.items.map((i) => i.title)).toEqual(order);
    expect(opened.items[0]).toMatchObject({ plannedMinutes: 7, facilitatorNotes: 'Start here.' });

    // Someone else cannot start a session from it (and so never sees its facilitator notes).
    for (const body of [{ templateId: saved.id }, { templateId: saved.id, templateKey: s.facilitatorKey }]) {
      const refused = await fetch(`${app.url}/api/sessions`, { method: 'POST', body: JSON.stringify(body) });
      expect(refused.status).toBe(404);
      expect(((await refused.json()) as { error: string }).error).toMatch(/^No template with id|^This saved template is not on the server any more/);
    }
    const again = await createSession(app, { templateId: saved.id, templateKey: saved.key });
    const fac2 = client(app);
    expect((await fac2.join({ role: 'facilitator', sessionId: again.sessionId, facilitatorKey: again.facilitatorKey })).ok).toBe(true);
    expect(fac2.snap.state.agenda.map((i) => i.title)).toEqual(order);

    const file = await fetch(`${app.url}/api/templates/${saved.id}/file`, withKey(saved.key));
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="${saved.id}.json"`);
    const body = JSON.parse(await file.text()) as Listed;
    expect(body.source).toBe(`seed 000: Mission, Vision and Core Values; Developing Core Values – A Beginning; edited in a session on ${DAY_TEXT}`);
  });

  it('names a true source: the template’s source and the day it was edited, or our own agenda', async () => {
    const blank = await createSession(app, { title: 'Our own day' });
    const fac = client(app);
    await fac.join({ role: 'facilitator', sessionId: blank.sessionId, facilitatorKey: blank.facilitatorKey });
    expect((await fac.send({ type: 'agenda.addItem', payload: { item: { title: 'Welcome', plannedMinutes: 10, moduleType: 'discussion' } } })).ok).toBe(true);
    const own = (await (await saveTemplate(app, blank, { title: 'Our own day' })).json()) as Saved;
    const ownFile = (await (await fetch(`${app.url}/api/templates/${own.id}/file`, withKey(own.key))).json()) as Listed;
    expect(ownFile.source).toBe(`Our own agenda, saved from a session on ${DAY_TEXT}`);

    // Saved again from a session started from a saved one: the day is said once, not piled up.
    const second = await createSession(app, { templateId: own.id, templateKey: own.key });
    const again = (await (await saveTemplate(app, second, { title: 'Our own day, again' })).json()) as Saved;
    const againFile = (await (await fetch(`${app.url}/api/templates/${again.id}/file`, withKey(again.key))).json()) as Listed;
    expect(againFile.source).toBe(`Our own agenda, saved from a session on ${DAY_TEXT}; edited in a session on ${DAY_TEXT}`);
    const third = await createSession(app, { templateId: again.id, templateKey: again.key });
    const thrice = (await (await saveTemplate(app, third, { title: 'Thrice' })).json()) as Saved;
    const thriceFile = (await (await fetch(`${app.url}/api/templates/${thrice.id}/file`, withKey(thrice.key))).json()) as Listed;
    expect(thriceFile.source).toBe(againFile.source);
  });

  it('a downloaded file dropped into a copy of sessions/ loads at server start, lists and starts the same agenda', async () => {
    const s = await createSession(app, { templateId: 'pip-kickoff' });
    const saved = (await (await saveTemplate(app, s, { title: 'Kick-off, our copy', description: 'Our county’s day.' })).json()) as Saved;
    const text = await (await fetch(`${app.url}/api/templates/${saved.id}/file`, withKey(saved.key))).text();
    const dir = tempDir('ft-sessions-copy-');
    for (const f of fs.readdirSync(SHIPPED_TEMPLATES)) fs.copyFileSync(path.join(SHIPPED_TEMPLATES, f), path.join(dir, f));
    fs.writeFileSync(path.join(dir, `${saved.id}.json`), text);
    expectCurricula(loadTemplates(dir)); // the curricula's rules hold for the folder with the saved file in it

    const other = await startServer({ templatesDir: dir });
    try {
      expect(other.templateErrors).toEqual([]);
      const listed = ((await (await fetch(`${other.url}/api/templates`)).json()) as Listed[]).find((t) => t.id === saved.id);
      const original = (await list()).find((t) => t.id === 'pip-kickoff')!;
      expect(listed?.title).toBe('Kick-off, our copy');
      expect(listed?.source).toMatch(/^seed 003: facilitator guide, PIP kick-off day; edited in a session on /);
      expect(listed?.items).toEqual(original.items);
      const started = await createSession(other, { templateId: saved.id });
      const fac = client(other);
      await fac.join({ role: 'facilitator', sessionId: started.sessionId, facilitatorKey: started.facilitatorKey });
      expect(fac.snap.state.agenda.map((i) => [i.title, i.plannedMinutes, i.moduleType])).toEqual(
        original.items.map((i) => [i.title, i.plannedMinutes, i.moduleType]),
      );
    } finally {
      await other.close();
    }
  });

  it('refuses a bad name, a wrong key and an empty agenda in our own words, and saves nothing', async () => {
    const s = await createSession(app, { templateId: 'core-values' });
    for (const [body, status, words] of [
      [{ title: '   ' }, 400, 'Give the template a name.'],
      [{ title: 'x'.repeat(121) }, 400, 'A template name can be at most 120 characters.'],
      [{ title: 7 }, 400, 'A template name is text.'],
      [{ title: 'ok', extra: 1 }, 400, 'Send {"title": "...", "description": "..."} to save the agenda as a template.'],
    ] as const) {
      const res = await saveTemplate(app, s, body);
      expect(res.status).toBe(status);
      expect(((await res.json()) as { error: string }).error).toBe(words);
    }
    const wrong = await saveTemplate(app, s, { title: 'Mine' }, 'not-the-key');
    expect(wrong.status).toBe(403);
    const blank = await createSession(app, { title: 'Empty' });
    const empty = await saveTemplate(app, blank, { title: 'Nothing' });
    expect(((await empty.json()) as { error: string }).error).toBe(SAVED_SAY.emptyAgenda);
    for (const [body, words] of [
      [{ templates: 3 }, 'Send {"templates": [{"id": "...", "key": "..."}]}.'],
      [{ templates: [{ id: 5, key: 'k' }] }, 'A template id is text.'],
      [{ templates: [{ id: 'x'.repeat(61), key: 'k' }] }, 'No template has an id that long.'],
      [{ templates: [{ id: 'x', key: 'k', more: 1 }] }, 'Each saved template is {"id": "...", "key": "..."}.'],
      [{ templates: [], x: 1 }, 'Send {"templates": [{"id": "...", "key": "..."}]} to list your saved templates.'],
      [{ templates: Array.from({ length: 201 }, () => ({ id: 'x', key: 'k' })) }, 'Ask about at most 200 saved templates at once.'],
    ] as const) {
      const bad = await fetch(`${app.url}/api/templates/saved`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: string }).error).toBe(words);
    }
    const badKey = await fetch(`${app.url}/api/sessions`, { method: 'POST', body: JSON.stringify({ templateId: 'core-values', templateKey: 7 }) });
    expect(((await badKey.json()) as { error: string }).error).toBe('A template key is text.');
  });

  it('deletes a saved template with its own key only', async () => {
    const s = await createSession(app, { templateId: 'pip-followup' });
    const saved = (await (await saveTemplate(app, s, { title: 'To delete' })).json()) as Saved;
    const del = (key: string) => fetch(`${app.url}/api/templates/${saved.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${key}` } });
    expect((await del(s.facilitatorKey)).status).toBe(404);
    expect((await listSaved(app, [saved])).templates).toHaveLength(1);
    expect((await del(saved.key)).status).toBe(204);
    expect(await listSaved(app, [saved])).toEqual({ templates: [], gone: [saved.id] });
    expect((await fetch(`${app.url}/api/templates/data-retreat`, { method: 'DELETE' })).status).toBe(404); // built-ins stay
  });
});
