import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { TrustProxy } from './origins.js';
import { SAY } from './sentences.js';

export interface EdgeOptions {
  logger: FastifyBaseLogger;
  trust: TrustProxy;
  /** What a browser gets for an address that is not ours (the client's own "page not found"), if the client is built. */
  notFoundPage: () => Buffer | null;
  timeouts?: Partial<Timeouts>;
}

/** Slow senders are cut off: a request has `requestMs` to arrive whole, and its headers `headersMs`. */
export interface Timeouts {
  requestMs: number;
  headersMs: number;
  /** How often node looks for requests past those times. */
  checkEveryMs: number;
  keepAliveMs: number;
}
const TIMEOUTS: Timeouts = { requestMs: 30_000, headersMs: 10_000, checkEveryMs: 1_000, keepAliveMs: 5_000 };
/** The largest body any route takes; routes set smaller limits of their own. */
const BODY_LIMIT = 16 * 1024;

const problem = (reply: FastifyReply, status: number, message: string): FastifyReply =>
  reply.code(status).header('cache-control', 'no-store').type('application/json; charset=utf-8').send({ error: message });

/**
 * The HTTP server: fastify with every answer it gives of its own (not found, bad body, bad address, timeouts)
 * replaced by our sentences, timeouts against slow senders, and only JSON bodies.
 */
export function createEdge(opts: EdgeOptions): FastifyInstance {
  const t = { ...TIMEOUTS, ...opts.timeouts };
  const app = Fastify({
    http: { headersTimeout: t.headersMs, connectionsCheckingInterval: t.checkEveryMs },
    loggerInstance: opts.logger,
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: opts.trust,
    requestTimeout: t.requestMs,
    keepAliveTimeout: t.keepAliveMs,
    bodyLimit: BODY_LIMIT,
    forceCloseConnections: true,
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: (_error, _request, reply) => void problem(reply, 400, SAY.badAddress),
    clientErrorHandler: answerBrokenRequest,
  });

  // JSON only. text/plain is read as JSON too: it is what fetch() sends for a string body without a content type.
  // __proto__ and constructor.prototype keys are dropped, so no body can reach an object's prototype.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(['application/json', 'text/plain'], { parseAs: 'string' }, app.getDefaultJsonParser('remove', 'remove'));

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) return problem(reply, 404, SAY.noApi);
    const page = opts.notFoundPage();
    if (page && request.headers.accept?.includes('text/html'))
      return reply.code(404).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(page);
    return problem(reply, 404, SAY.notFound);
  });

  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (request.raw.aborted || error.code === 'ECONNRESET') {
      request.log.info({ url: request.url }, 'the client gave up sending its request');
      return reply.code(400).send();
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) request.log.error({ err: error, url: request.url }, 'request failed');
    return problem(reply, status >= 400 && status < 600 ? status : 500, sentenceFor(error, status));
  });
  return app;
}

function sentenceFor(error: FastifyError, status: number): string {
  if (status === 413) return SAY.tooLarge;
  if (status === 415) return SAY.wrongContentType;
  if (status === 408) return SAY.tooSlow;
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return SAY.emptyBody;
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') return SAY.notJson;
  if (status >= 500) return SAY.serverFault;
  return SAY.badRequest;
}

/** Requests node's parser could not read (a broken request line, headers too large, too slow): our answer, then close. */
function answerBrokenRequest(this: FastifyInstance, error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, text, sentence] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'Request Timeout', SAY.tooSlow]
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', SAY.tooLarge]
        : [400, 'Bad Request', SAY.badRequest];
  if (socket.writable) socket.write(rawAnswer(status, text, sentence));
  socket.destroy();
}

/** A whole HTTP answer with our sentence, for sockets that never became a request fastify could answer. */
function rawAnswer(status: number, reason: string, sentence: string): string {
  const body = JSON.stringify({ error: sentence });
  return `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}

/**
 * A WebSocket upgrade to any address but socket.io's gets a 404 at once (engine.io would only drop it after a
 * second). Engine.io's own listener, added before this one, takes the upgrades under /socket.io/.
 */
export function answerStrayUpgrades(server: Server): void {
  server.on('upgrade', (req: IncomingMessage, socket: Duplex) => {
    if (req.url?.startsWith('/socket.io/')) return;
    socket.end(rawAnswer(404, 'Not Found', SAY.notFound));
  });
}
