/** The console's calls for saved templates (server/templateRoutes.ts), each with the session's facilitator key. */
import { errorOf } from '../landing/api.js';

async function call(url: string, key: string, init: RequestInit = {}): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers: { ...init.headers, authorization: `Bearer ${key}` } });
  } catch {
    throw new Error('Could not reach the server. Check the connection and try again.');
  }
  if (!res.ok) throw new Error(await errorOf(res));
  return res;
}

export async function saveAsTemplate(sessionId: string, key: string, body: { title: string; description: string }): Promise<{ id: string; title: string }> {
  const res = await call(`/api/sessions/${encodeURIComponent(sessionId)}/templates`, key, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as { id: string; title: string };
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
