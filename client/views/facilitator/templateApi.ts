/**
 * The calls for saved templates (server/templateRoutes.ts): saving with the session's facilitator key, everything
 * else with the template's own key.
 */
import type { AgendaTemplate, SavedTemplateSummary } from '../../../shared/protocol/agenda.schema.js';
import { errorOf } from '../landing/api.js';
import type { SavedTemplateKey } from '../landing/savedTemplateKeys.js';

async function call(url: string, key: string | null, init: RequestInit = {}): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers: { ...init.headers, ...(key ? { authorization: `Bearer ${key}` } : {}) } });
  } catch {
    throw new Error('Could not reach the server. Check the connection and try again.');
  }
  if (!res.ok) throw new Error(await errorOf(res));
  return res;
}

const json = { 'content-type': 'application/json' };

/** Saves the session's agenda; the answer carries the new template's key, given this once. */
export async function saveAsTemplate(sessionId: string, facilitatorKey: string, body: { title: string; description: string }): Promise<SavedTemplateKey> {
  const res = await call(`/api/sessions/${encodeURIComponent(sessionId)}/templates`, facilitatorKey, { method: 'POST', headers: json, body: JSON.stringify(body) });
  return (await res.json()) as SavedTemplateKey;
}

/** Which of these saved templates are still on the server (summaries), and which are gone. */
export async function checkSavedTemplates(entries: readonly SavedTemplateKey[]): Promise<{ templates: SavedTemplateSummary[]; gone: string[] }> {
  const body = JSON.stringify({ templates: entries.map(({ id, key }) => ({ id, key })) });
  const res = await call('/api/templates/saved', null, { method: 'POST', headers: json, body });
  return (await res.json()) as { templates: SavedTemplateSummary[]; gone: string[] };
}

/** The whole saved template, with its items (for the preview). */
export async function openSavedTemplate(id: string, key: string): Promise<AgendaTemplate> {
  return (await (await call(`/api/templates/${encodeURIComponent(id)}`, key)).json()) as AgendaTemplate;
}

/** Downloads the template's file (`<id>.json`, ready for sessions/) through a temporary link. */
export async function downloadTemplate(id: string, key: string): Promise<void> {
  const res = await call(`/api/templates/${encodeURIComponent(id)}/file`, key);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `${id}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function deleteTemplate(id: string, key: string): Promise<void> {
  await call(`/api/templates/${encodeURIComponent(id)}`, key, { method: 'DELETE' });
}
