import type { App } from '../../server/app.js';
import type { SavedTemplateSummary } from '../../shared/protocol/agenda.schema.js';
import type { Created } from './harness.js';

/** What saving hands back once: the template's id, its name and its key. */
export interface Saved {
  id: string;
  title: string;
  key: string;
}

/** POST /api/sessions/:id/templates with the session's facilitator key (or `key`). */
export const saveTemplate = (app: App, s: Created, body: object, key = s.facilitatorKey): Promise<Response> =>
  fetch(`${app.url}/api/sessions/${s.sessionId}/templates`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify(body),
  });

/** The owner's list: summaries of the saved templates these keys open, and the ids that are gone. */
export async function listSaved(app: App, entries: ReadonlyArray<{ id: string; key: string }>): Promise<{ templates: SavedTemplateSummary[]; gone: string[] }> {
  const res = await fetch(`${app.url}/api/templates/saved`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ templates: entries.map(({ id, key }) => ({ id, key })) }),
  });
  if (res.status !== 200) throw new Error(`list saved templates: ${res.status} ${await res.text()}`);
  return (await res.json()) as { templates: SavedTemplateSummary[]; gone: string[] };
}
