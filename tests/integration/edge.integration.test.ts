import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawGet, rawRequest } from '../support/rawHttp.js';
import { startServer } from '../support/harness.js';

/** Paths no route and no socket.io handler takes, written the ways that used to leave a connection hanging. */
const ODD_PATHS = [
  '/x/../socket.io/',
  '/%2e%2e/socket.io/x',
  '/./socket.io/',
  '//socket.io/',
  '/socket.io%2Fx',
  '/socket.io%2f?EIO=4&transport=polling',
  '/%2E/socket.io/',
  '/x/%2e%2e/socket.io/?EIO=4&transport=polling',
  '/socket.io',
  '/Socket.io/',
  '/\\socket.io/',
  '/%5csocket.io/',
  '/x/..%2fsocket.io/',
  '/api/../socket.io/',
  '/..',
  '/.%2e/.%2e/etc/passwd',
  '/api//sessions/../../socket.io/',
  '/assets/../../package.json',
  '/nothing-here',
  '/api/nothing',
];

describe('every request is answered', () => {
  let app: Awaited<ReturnType<typeof startServer>>;
  const lines: string[] = [];
  beforeAll(async () => {
    app = await startServer({ log: (line) => lines.push(line) });
  });
  afterAll(() => app.close());

  it.each(ODD_PATHS)('GET %s gets a 404 with our sentence within a second', async (path) => {
    const answer = await rawGet(app.port, path);
    expect(answer.status, answer.text).toBe(404);
    expect(answer.ms).toBeLessThan(1000);
    expect(answer.text).toMatch(/"error":"(There is nothing at this address\.|There is no such API address\.)"/);
  });

  it.each(['/x/../socket.io/?EIO=4&transport=websocket', '//socket.io/', '/nothing'])(
    'a WebSocket upgrade to %s gets a 404 at once',
    async (path) => {
      const answer = await rawGet(app.port, path, { Upgrade: 'websocket', Connection: 'Upgrade', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==' });
      expect(answer.status, answer.text).toBe(404);
      expect(answer.ms).toBeLessThan(1000);
    },
  );

  it('socket.io still answers its own address', async () => {
    const answer = await rawGet(app.port, '/socket.io/?EIO=4&transport=polling');
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('"sid"');
  });

  it('an upload the client gives up on logs one line, not a stack trace', async () => {
    lines.length = 0;
    await rawRequest(
      app.port,
      `POST /api/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"title": "half`,
      300,
    );
    const deadline = Date.now() + 2000;
    while (!lines.some((l) => l.includes('gave up')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(lines.filter((l) => l.includes('gave up'))).toHaveLength(1);
    expect(lines.join('\n')).not.toMatch(/\bat .+:\d+:\d+/); // no stack frames
    expect((await fetch(`${app.url}/health`)).status).toBe(200);
  });
});

describe('slow senders', () => {
  it('a request whose headers or body arrive too slowly gets a 408 with our sentence', async () => {
    const app = await startServer({ timeouts: { headersMs: 300, requestMs: 600, checkEveryMs: 100 } });
    try {
      const slowHeaders = await rawRequest(app.port, 'GET /health HTTP/1.1\r\nHost: x\r\n', 3000);
      expect(slowHeaders.status, slowHeaders.text).toBe(408);
      expect(slowHeaders.text).toContain('"error":"The request took too long to arrive. Please try again."');
      expect(slowHeaders.ms).toBeLessThan(2000);
      const slowBody = await rawRequest(
        app.port,
        'POST /api/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"title":',
        3000,
      );
      expect(slowBody.status, slowBody.text).toBe(408);
      expect(slowBody.ms).toBeLessThan(2000);
      expect((await fetch(`${app.url}/health`)).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});
