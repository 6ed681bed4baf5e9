import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { eventFor } from '../shared/modules/registry.js';
import { MAX_REPLAY_EVENTS, REPLAY_VIEWS, replayViewer, type ReplayLog, type ReplayView } from '../shared/replay/replay.wire.js';
import type { SessionEvent } from '../shared/session/events.js';
import { bearerKey, refuse } from './http.js';
import type { Limits } from './limits.js';
import type { SessionHub } from './sessions/hub.js';

export interface ReplayDeps {
  hub: SessionHub;
  limits: Limits;
}

const NEEDS_KEY = 'A replay opens with the session’s facilitator key: open it from the facilitator’s console (its Replay link).';
const BAD_VIEW = 'A replay shows the board, the facilitator’s console or a phone: ask for view=board, view=facilitator or view=participant.';
const cutSentence = (total: number, max: number): string =>
  `This session has ${total.toLocaleString('en-US')} events; the replay holds the first ${max.toLocaleString('en-US')} and stops there.`;

/** The log as `view` saw it live, cut after `max` events (and saying so). */
export function replayLog(sessionId: string, view: ReplayView, stored: readonly SessionEvent[], max = MAX_REPLAY_EVENTS): ReplayLog {
  const viewer = replayViewer(view);
  const kept = stored.length > max ? stored.slice(0, max) : stored;
  return { sessionId, view, events: kept.map((e) => eventFor(e, viewer)), cut: kept.length < stored.length ? cutSentence(stored.length, max) : null };
}

const tooMany = (perMinute: number, seconds: number): string =>
  `Replays and reports share a limit of ${perMinute} a minute from your network, and it is reached. Please try again in ${seconds} second${seconds === 1 ? '' : 's'}.`;

const isView = (v: unknown): v is ReplayView => typeof v === 'string' && (REPLAY_VIEWS as readonly string[]).includes(v);

/**
 * `GET /api/sessions/:id/replay?view=board|facilitator|participant` with the facilitator key as a bearer token: the
 * session's stored events, each shaped for that view by the live visibility rules. Read-only: it reads the store
 * without loading the session, sends no command, writes nothing and does not count as activity.
 */
export function replayRoutes(app: FastifyInstance, deps: ReplayDeps): void {
  app.get<{ Params: { id: string }; Querystring: Record<string, unknown> }>('/api/sessions/:id/replay', async (request, reply) => {
    // Without the right key every answer is the same, whether the session exists or not.
    const record = deps.hub.recordOf(request.params.id);
    const key = bearerKey(request);
    if (!record || !key || !deps.hub.checkFacilitatorKey(record, key)) return refuse(reply, 403, NEEDS_KEY);
    const view = request.query.view ?? 'board';
    if (!isView(view)) return refuse(reply, 400, BAD_VIEW);
    const verdict = await deps.limits.reportExport(request.ip);
    if (!verdict.ok) {
      reply.header('retry-after', String(verdict.retryAfterSeconds));
      return refuse(reply, 429, tooMany(deps.limits.settings.exportsPerMinute, verdict.retryAfterSeconds));
    }
    const log = replayLog(record.id, view, deps.hub.storedEvents(record.id));
    const body = JSON.stringify(log);
    reply.code(200).header('cache-control', 'no-store').header('vary', 'accept-encoding').type('application/json; charset=utf-8');
    if (!/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) return reply.send(body);
    return reply.header('content-encoding', 'gzip').send(gzipSync(body));
  });
}
