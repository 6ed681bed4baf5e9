import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, type App, type AppOptions } from '../../server/app.js';
import { SessionClient, memoryStorage, type KeyValueStorage } from '../../client/net/sessionClient.js';

export interface Created {
  sessionId: string;
  joinCode: string;
  facilitatorKey: string;
  facilitatorUrl: string;
  joinUrl: string;
  boardUrl: string;
}

export const tempDir = (prefix = 'ft-test-'): string => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

/** Boots the real server on an ephemeral loopback port with a real SQLite file. */
export async function startServer(opts: Partial<AppOptions> = {}): Promise<App & { dataDir: string }> {
  const dataDir = opts.dataDir ?? tempDir();
  const app = await createApp({ clientDir: null, host: '127.0.0.1', log: () => {}, ...opts, dataDir });
  return { ...app, dataDir };
}

export async function createSession(app: App, body: object = { templateId: 'data-retreat' }): Promise<Created> {
  const res = await fetch(`${app.url}/api/sessions`, { method: 'POST', body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`create session: ${res.status} ${await res.text()}`);
  return (await res.json()) as Created;
}

const clients: SessionClient[] = [];
export function client(app: App, storage: KeyValueStorage = memoryStorage()): SessionClient {
  const c = new SessionClient({ url: app.url, storage, transports: ['websocket'], ackTimeoutMs: 3000 });
  clients.push(c);
  return c;
}
export function closeClients(): void {
  for (const c of clients.splice(0)) c.close();
}

export async function waitFor(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The id of the SWOT board of the data-retreat template (or the first item that takes notes). */
export const boardItemId = (c: SessionClient): string => {
  const agenda = c.snap.state.agenda;
  const item = agenda.find((i) => i.columns.includes('Strengths')) ?? agenda.find((i) => i.moduleType !== 'presentation');
  if (!item) throw new Error('no board item in the agenda');
  return item.id;
};
