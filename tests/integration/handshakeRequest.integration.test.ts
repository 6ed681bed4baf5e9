import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Server } from 'socket.io';
import { io as connect, Manager, type Socket as ClientSocket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { keepLessOfHandshakes } from '../../server/handshakeRequest.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** A socket.io server as server/app.ts makes it, the upgrade requests it was sent seen through weak references. */
async function serverSeeingRequests(): Promise<{ url: string; io: Server; requests: WeakRef<object>[]; answers: WeakRef<object>[] }> {
  const http = createServer();
  const requests: WeakRef<object>[] = [];
  const answers: WeakRef<object>[] = [];
  http.on('upgrade', (req: IncomingMessage) => requests.push(new WeakRef(req)));
  const io = new Server(http);
  keepLessOfHandshakes(io);
  io.engine.use((_req: IncomingMessage, res: object, next: () => void) => {
    answers.push(new WeakRef(res));
    next();
  });
  io.on('connection', (socket) => socket.on('echo', (text: unknown, ack: unknown) => typeof ack === 'function' && (ack as (t: unknown) => void)(text)));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => void io.close(() => resolve())));
  return { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, io, requests, answers };
}

function phone(url: string, headers: Record<string, string> = {}): Promise<ClientSocket> {
  const socket = connect(url, { transports: ['websocket'], extraHeaders: headers, reconnection: false, forceNew: true });
  closers.push(() => Promise.resolve(void socket.close()));
  return new Promise((resolve, reject) => {
    socket.on('connect', () => resolve(socket));
    socket.on('connect_error', reject);
  });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('handshake requests', () => {
  it('a connected phone no longer keeps its upgrade request and answer alive, and what the checks read stays', async () => {
    const { url, io, requests, answers } = await serverSeeingRequests();
    const socket = await phone(url, { origin: 'https://workshops.example.org', 'x-forwarded-for': '203.0.113.7', 'user-agent': 'test' });
    await settle();
    gc();
    await settle();
    gc();
    expect(requests).toHaveLength(1);
    expect(requests[0]!.deref()).toBeUndefined();
    expect(answers).toHaveLength(1);
    expect(answers[0]!.deref()).toBeUndefined(); // engine.io's upgrade answer, no longer listening on the TCP socket
    // The connection works, and the handshake still tells what the origin check and the address read.
    expect(await socket.timeout(2000).emitWithAck('echo', 'still here')).toBe('still here');
    const server = [...io.sockets.sockets.values()][0];
    expect(server!.handshake.headers).toEqual({ origin: 'https://workshops.example.org', host: url.slice('http://'.length), 'x-forwarded-for': '203.0.113.7' });
    expect(server!.handshake.query).toMatchObject({ EIO: '4', transport: 'websocket' });
    expect(server!.request.socket.remoteAddress).toBe('127.0.0.1');
  });

  it('a namespace connected later on the same connection is checked on what was kept', async () => {
    const { url, io, requests } = await serverSeeingRequests();
    const seen: (string | undefined)[] = [];
    io.of('/later').use((socket, next) => {
      seen.push(socket.request.headers.origin);
      next();
    });
    const manager = new Manager(url, { transports: ['websocket'], extraHeaders: { origin: 'https://workshops.example.org' }, reconnection: false });
    const first = manager.socket('/');
    closers.push(() => Promise.resolve(void first.close()));
    await new Promise((resolve) => first.once('connect', () => resolve(null)));
    await settle();
    gc();
    const later = manager.socket('/later');
    closers.push(() => Promise.resolve(void later.close()));
    await new Promise((resolve) => later.once('connect', () => resolve(null)));
    expect(seen).toEqual(['https://workshops.example.org']);
    expect(requests).toHaveLength(1); // the same engine.io connection
  });
});
