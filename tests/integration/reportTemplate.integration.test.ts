import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { toJsonExport } from '../../shared/report/json.js';
import { client, closeClients, createSession, startServer, tempDir } from '../support/harness.js';
import { reportDay, reportOptions } from '../support/reportDay.js';

/**
 * The JSON export's template half is an agenda template: saved as a file in a templates folder, the real server
 * loads it like any shipped template and creates a session from it over HTTP. (There is no template upload: this
 * shows the exported shape is what the server takes.)
 */
let app: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(() => closeClients());
afterAll(() => app?.close());

describe('a template saved from a JSON export', () => {
  it('is listed by the server and creates a session with the same agenda', async () => {
    const { m } = reportDay();
    const exported = JSON.parse(JSON.stringify(toJsonExport(m.state, reportOptions(false))));
    const dir = tempDir('ft-templates-');
    fs.writeFileSync(path.join(dir, 'saved.json'), JSON.stringify(exported.template, null, 2));
    app = await startServer({ templatesDir: dir });

    const listed = (await (await fetch(`${app.url}/api/templates`)).json()) as Array<{ id: string; title: string }>;
    expect(listed.map((t) => [t.id, t.title])).toEqual([['retreat-2026-11-25', 'Retreat']]);

    const created = await createSession(app, { templateId: 'retreat-2026-11-25' });
    const fac = client(app);
    const joined = await fac.join({ role: 'facilitator', sessionId: created.sessionId, facilitatorKey: created.facilitatorKey });
    expect(joined.ok).toBe(true);
    const strip = (items: Array<{ id?: string; title: string; moduleType: string; plannedMinutes: number; prompt: string; facilitatorNotes: string; columns: string[] }>) =>
      items.map(({ title, moduleType, plannedMinutes, prompt, facilitatorNotes, columns }) => ({ title, moduleType, plannedMinutes, prompt, facilitatorNotes, columns }));
    expect(strip(fac.snap.state.agenda)).toEqual(strip(m.state.agenda));
    expect(fac.snap.state.title).toBe('Retreat');
  });
});
