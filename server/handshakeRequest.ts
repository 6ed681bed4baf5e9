import { ServerResponse, type IncomingMessage } from 'node:http';
import { EventEmitter } from 'node:events';
import type { Duplex } from 'node:stream';
import type { Server } from 'socket.io';

/**
 * The headers the socket layer reads from a connection's handshake request: the origin check (server/origins.ts),
 * the client's address behind a trusted proxy.
 */
const KEPT_HEADERS = ['origin', 'host', 'x-forwarded-for', 'x-forwarded-host'] as const;

/**
 * engine.io keeps each connection's handshake request for the connection's whole life (conn.request, and for a
 * websocket its upgrade response, which listens for the TCP socket's close and holds the request): its headers, raw
 * headers, stream state and listeners, over 1 KB per phone. The request is let go once the connection is open; in its
 * place engine.io keeps what socket.io and our checks read from it (a second namespace connect on the same connection
 * reads it again): the few headers above, the url and query, and the TCP socket that stays open anyway.
 */
export function keepLessOfHandshakes(io: Server): void {
  io.engine.use((_req: IncomingMessage, res: ServerResponse, next: (err?: Error) => void) => {
    if (!(res instanceof ServerResponse)) letGoOfUpgradeAnswer(res as unknown as UpgradeAnswer);
    next();
  });
  io.engine.on('connection', (conn: { request: IncomingMessage; transport: { socket?: unknown } }) => {
    conn.request = slim(conn.request);
    // engine.io's listener for a websocket's errors before its transport took over (onUpgradeError, which does
    // nothing) stays on the websocket of a phone that connected over websocket directly; the transport's own
    // listener handles its errors from here on.
    const ws = conn.transport.socket;
    if (ws instanceof EventEmitter)
      for (const fn of ws.rawListeners('error')) if (fn.name === 'onUpgradeError') ws.removeListener('error', fn as (...args: unknown[]) => void);
  });
}

/** engine.io's WebSocketResponse: the answer to a websocket upgrade, which has no http ServerResponse. */
interface UpgradeAnswer {
  req: unknown;
  socket: Duplex;
}

/**
 * An upgrade answer listens for its TCP socket's close (for middlewares that wait for an answer's close; none of ours
 * does): the socket stays open with the phone, and so would the answer and the request it holds. Its listener is the
 * socket's last 'close' listener when the middlewares run (the answer adds it as it is made, and the middlewares run
 * right after, before the upgrade), a `once` listener; it is taken off. Nothing sets a header on the answer after
 * the middlewares either (the cors headers are set by then, and engine.io reads them from the request), so it need
 * not hold the request.
 */
const EMITS_CLOSE = /^\(\)\s*=>\s*this\.emit\(["']close["']\)$/;

function letGoOfUpgradeAnswer(res: UpgradeAnswer): void {
  const listeners = res.socket.rawListeners('close');
  const last = listeners[listeners.length - 1] as ((...args: unknown[]) => void) & { listener?: unknown };
  // The answer's own listener: `() => this.emit("close")` (engine.io 6.6), checked so that no other one goes.
  if (last && typeof last.listener === 'function' && EMITS_CLOSE.test(String(last.listener))) res.socket.removeListener('close', last);
  res.req = null;
}

type EngineRequest = IncomingMessage & { _query?: Record<string, string> };

function slim(req: EngineRequest): IncomingMessage {
  const headers: Record<string, string | string[]> = {};
  for (const name of KEPT_HEADERS) {
    const value = req.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  const kept = { headers, url: req.url, _query: req._query, socket: req.socket, connection: req.socket };
  return kept as unknown as IncomingMessage;
}
