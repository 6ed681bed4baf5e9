import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { App } from '../../server/app.js';
import type { SessionClient } from '../../client/net/sessionClient.js';
import type { CommandInput } from '../../shared/protocol/commands.js';
import { allNotes } from '../../shared/session/notes.js';
import { client, closeClients, createSession, itemOfType, startServer, waitFor, type Created } from './harness.js';

/** The participants of the report tests: an accented name must come out exactly as typed, or not at all. */
export const NAMES = ['José Núñez', 'Ana Whitfield'];
/** Every whole-session export over HTTP. */
export const FILES = ['report.pdf', 'report.md', 'export.csv', 'export.json'] as const;

/** Sends a command that must be accepted, and waits until the sender's own screen has it. */
export async function ok(c: SessionClient, body: CommandInput): Promise<number> {
  const res = await c.send(body);
  if (!res.ok) throw new Error(`${body.type}: ${res.error.message}`);
  await waitFor(() => c.snap.state.seq >= res.seq, `${body.type} on the sender's screen`);
  return res.seq;
}

/** A day with notes on the open board and a SWOT voted on: each phone puts one dot on each of two notes. */
export async function votedDay(app: App): Promise<{ s: Created; fac: SessionClient; phones: SessionClient[] }> {
  const s = await createSession(app);
  const fac = client(app);
  await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
  const phones: SessionClient[] = [];
  for (const name of NAMES) {
    const p = client(app);
    expect((await p.join({ role: 'participant', joinCode: s.joinCode, name })).ok).toBe(true);
    phones.push(p);
  }
  const board = itemOfType(fac, 'board');
  const swot = itemOfType(fac, 'swot');
  for (const [i, p] of phones.entries()) {
    await ok(p, { type: 'note.add', payload: { itemId: board, column: 'Strengths', text: `Board note ${i}` } });
    await ok(p, { type: 'note.add', payload: { itemId: swot, column: 'Threats', text: `Staff turnover ${i}` } });
    await ok(p, { type: 'note.add', payload: { itemId: swot, column: 'Strengths', text: `Caring staff ${i}` } });
  }
  for (const to of ['reveal', 'cluster', 'vote'] as const) await ok(fac, { type: 'flow.advance', payload: { itemId: swot, to } });
  let head = 0;
  for (const p of phones) {
    await waitFor(() => p.snap.state.flows[swot]?.phase === 'vote', 'the vote on the phone');
    for (const n of allNotes(fac.snap.state).filter((x) => x.itemId === swot).slice(0, 2))
      head = await ok(p, { type: 'flow.dot', payload: { itemId: swot, target: { kind: 'note', id: n.id }, delta: 1 } });
  }
  await waitFor(() => fac.snap.state.seq >= head, 'the facilitator in step');
  return { s, fac, phones };
}

/** A GET of `path` on the app, with the key as a bearer token when one is given. */
export const getWith = (app: App, path: string, key?: string): Promise<Response> =>
  fetch(`${app.url}${path}`, key === undefined ? {} : { headers: { authorization: `Bearer ${key}` } });
export const bytesOf = async (res: Response): Promise<Uint8Array> => new Uint8Array(await res.arrayBuffer());
export const errorOf = async (res: Response): Promise<string> => ((await res.json()) as { error: string }).error;

/** A server for a file's tests, started before them and closed after them; call `server()` inside a test. */
export function useServer(): () => App {
  let app: App | undefined;
  beforeAll(async () => {
    app = await startServer();
  });
  afterEach(() => closeClients());
  afterAll(() => app?.close());
  return () => {
    if (!app) throw new Error('the server is not started');
    return app;
  };
}
