import { SessionClient, memoryStorage, type KeyValueStorage } from '../../client/net/sessionClient.js';
import type { Created } from './harness.js';
import type { Nginx } from './nginx.js';
import { withClient } from './postgres.js';
import { processBehind, type ServerProcess } from './processes.js';

/**
 * Client source addresses on the loopback (127.0.0.2 ...) and which process nginx's sticky hash sends each to, until
 * every process has `perProcess` of them.
 */
export async function addressesByProcess(nginx: Nginx, procs: ServerProcess[], perProcess = 1): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(procs.map((p) => [p.name, []]));
  for (let i = 2; i < 250; i++) {
    const address = `127.0.0.${i}`;
    const list = out.get(await processBehind(nginx.url, address));
    if (list && list.length < perProcess) list.push(address);
    if ([...out.values()].every((l) => l.length >= perProcess)) return out;
  }
  throw new Error(`nginx sent no address to some process: ${JSON.stringify([...out])}`);
}

const opened: SessionClient[] = [];
/** A screen connecting through nginx from `address`. */
export function clientFrom(
  nginx: Nginx,
  address: string,
  opts: { storage?: KeyValueStorage; transports?: ('websocket' | 'polling')[] } = {},
): SessionClient {
  const c = new SessionClient({
    url: nginx.url,
    storage: opts.storage ?? memoryStorage(),
    transports: opts.transports ?? ['websocket'],
    ackTimeoutMs: 5000,
    localAddress: address,
  });
  opened.push(c);
  return c;
}
export const closeScaleOutClients = (): void => {
  for (const c of opened.splice(0)) c.close();
};

export async function createVia(url: string, templateId: string): Promise<Created> {
  const res = await fetch(`${url}/api/sessions`, { method: 'POST', body: JSON.stringify({ templateId }), headers: { 'content-type': 'application/json' } });
  if (res.status !== 201) throw new Error(`create session: ${res.status} ${await res.text()}`);
  return (await res.json()) as Created;
}

/** The stored log's last seq and its command ids, read from the processes' PostgreSQL schema. */
export async function storedLog(schema: string, sessionId: string): Promise<{ head: number; commandIds: Set<string> }> {
  return withClient(async (c) => {
    const head = await c.query<{ head: number | null }>(`SELECT max(seq) AS head FROM ${schema}.events WHERE session_id = $1`, [sessionId]);
    const ids = await c.query<{ command_id: string }>(`SELECT command_id FROM ${schema}.commands WHERE session_id = $1`, [sessionId]);
    return { head: head.rows[0]?.head ?? 0, commandIds: new Set(ids.rows.map((r) => r.command_id)) };
  });
}
