import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { eventFor } from '../shared/modules/registry.js';
import { hideUnshownNames } from '../shared/replay/names.js';
import { MAX_REPLAY_EVENTS, REPLAY_VIEWS, replayViewer, type ReplayLog, type ReplayView } from '../shared/replay/replay.wire.js';
import type { SessionEvent } from '../shared/session/events.js';
import { bearerKey, refuse } from './http.js';
import type { Limits } from './limits.js';
import type { SessionHub } from './sessions/hub.js';

/** Off the event loop (zlib's thread pool): a 50,000-event log takes ~200 ms to compress. */
const gzipAsync = promisify(gzip);

export interface ReplayDeps {
  hub: SessionHub;
  limits: Limits;
  /** The most events a replay holds (MAX_REPLAY_EVENTS; tests pass fewer). */
  maxEvents?: number;
}

const NEEDS_KEY = 'A replay opens with the session’s facilitator key: open it with the Replay button on the facilitator’s console, or paste the console’s link into the replay page.';
const BAD_VIEW = 'A replay shows the board, the facilitator’s console or a phone: ask for view=board, view=facilitator or view=participant.';
const BAD_AFTER = 'A replay follows a session from an event number: ask for after=0 or a larger whole number.';
const cutSentence = (max: number): string =>
  `This session has more than ${max.toLocaleString('en-US')} events; the replay holds the first ${max.toLocaleString('en-US')} and stops there.`;

/**
 * The log after `after` as `view` saw it live, from `stored` (the events after `after`, read with at most one past
 * the cap), cut at `max` events in all (seqs count from 1, so `after` events come before) and saying so. A board's or a
 * phone's log loses the names those screens never drew.
 */
export function replayLog(sessionId: string, view: ReplayView, stored: readonly SessionEvent[], max = MAX_REPLAY_EVENTS, after = 0): ReplayLog {
  const viewer = replayViewer(view);
  const room = Math.max(0, max - after);
  const kept = stored.length > room ? stored.slice(0, room) : stored;
  const shaped = kept.map((e) => eventFor(e, viewer));
  return { sessionId, view, events: view === 'facilitator' ? shaped : hideUnshownNames(shaped), cut: kept.length < stored.length ? cutSentence(max) : null };
}

const tooMany = (perMinute: number, seconds: number): string =>
  `Replays and reports share a limit of ${perMinute} a minute from your network, and it is reached. Please try again in ${seconds} second${seconds === 1 ? '' : 's'}.`;
const tooManyFollows = (perMinute: number, seconds: number): string =>
  `A replay looks for what happened since at most ${perMinute} times a minute from your network, and that is reached. It looks again in ${seconds} second${seconds === 1 ? '' : 's'}.`;

const isView = (v: unknown): v is ReplayView => typeof v === 'string' && (REPLAY_VIEWS as readonly string[]).includes(v);

/** `after` as asked: absent is 0 (the whole log), otherwise a whole number of at least 0, or null. */
function afterOf(raw: unknown): number | null {
  if (raw === undefined) return 0;
  if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw)) return null;
  return Number(raw);
}

/**
 * `GET /api/sessions/:id/replay?view=board|facilitator|participant[&after=<seq>]` with the facilitator key as a
 * bearer token: the session's stored events (those after `after`), each shaped for that view by the live visibility
 * rules. Read-only: it reads the store without loading the session, sends no command, writes nothing and does not
 * count as activity. It reads at most one event past the cap, so a huge session costs bounded memory.
 *
 * Rate limits: opening a replay reads the whole log and counts against the budget reports share
 * (EXPORTS_PER_MINUTE). Following a live session (`after` given, a replay tab asking every few seconds for what
 * happened since) reads only the new events and has a budget of its own (REPLAY_FOLLOWS_PER_MINUTE), so a replay
 * left open on the projector never keeps the facilitator from exporting.
 */
export function replayRoutes(app: FastifyInstance, deps: ReplayDeps): void {
  const max = deps.maxEvents ?? MAX_REPLAY_EVENTS;
  app.get<{ Params: { id: string }; Querystring: Record<string, unknown> }>('/api/sessions/:id/replay', async (request, reply) => {
    // Without the right key every answer is the same, whether the session exists or not.
    const record = await deps.hub.recordOf(request.params.id);
    const key = bearerKey(request);
    if (!record || !key || !deps.hub.checkFacilitatorKey(record, key)) return refuse(reply, 403, NEEDS_KEY);
    const view = request.query.view ?? 'board';
    if (!isView(view)) return refuse(reply, 400, BAD_VIEW);
    const after = afterOf(request.query.after);
    if (after === null) return refuse(reply, 400, BAD_AFTER);
    const following = request.query.after !== undefined;
    const verdict = following ? await deps.limits.replayFollow(request.ip) : await deps.limits.reportExport(request.ip);
    if (!verdict.ok) {
      reply.header('retry-after', String(verdict.retryAfterSeconds));
      const s = deps.limits.settings;
      return refuse(reply, 429, following ? tooManyFollows(s.replayFollowsPerMinute, verdict.retryAfterSeconds) : tooMany(s.exportsPerMinute, verdict.retryAfterSeconds));
    }
    const room = Math.max(0, max - after);
    const log = replayLog(record.id, view, await deps.hub.storedEvents(record.id, after, room + 1), max, after);
    const body = JSON.stringify(log);
    reply.code(200).header('cache-control', 'no-store').header('vary', 'accept-encoding').type('application/json; charset=utf-8');
    if (!/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) return reply.send(body);
    return reply.header('content-encoding', 'gzip').send(await gzipAsync(body));
  });
}
