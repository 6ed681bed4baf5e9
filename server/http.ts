import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { nanoid } from 'nanoid';
import { z } from 'zod';
import type { AgendaTemplate } from '../shared/protocol/agenda.schema.js';
import { agendaItemFrom } from '../shared/session/agenda.js';
import { LIMITS } from '../shared/protocol/limits.js';
import type { AgendaItem, TemplateOrigin } from '../shared/session/state.js';
import type { Limits } from './limits.js';
import { checkOrigin, type TrustProxy } from './origins.js';
import { SAY } from './sentences.js';
import type { LiveSession, SessionHub } from './sessions/hub.js';
import { SAVED_SAY, type TemplateCatalog } from './savedTemplates.js';
import type { Rehearsals } from './rehearsal.js';
import { RehearsalStart, SAY_REHEARSAL } from './rehearsalRules.js';

/** Every message here is ours: none of the validation library's own phrases reaches the person. */
const CreateSession = z.strictObject(
  {
    templateId: z.string({ error: 'A template id is text, such as "data-retreat".' }).max(60, 'No template has an id that long.').optional(),
    /** The key of a saved template (handed out when it was saved): a saved template starts only with it. */
    templateKey: z.string({ error: 'A template key is text.' }).max(100, 'No template key is that long.').optional(),
    title: z
      .string({ error: 'A title is text.' })
      .trim()
      .min(1, 'Give the session a title.')
      .max(LIMITS.title, `A title can be at most ${LIMITS.title} characters.`)
      .optional(),
    /** A rehearsal: this many simulated participants at this pace (server/rehearsal.ts). */
    rehearsal: RehearsalStart.optional(),
    /** Rehearse this session's current agenda (with its facilitator key as the bearer). */
    agendaFrom: z.string({ error: 'A session id is text.' }).max(40, 'No session has an id that long.').optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `A new session takes a title or a template id (and a rehearsal), nothing else (not "${issue.keys[0] ?? ''}").`
        : 'Send {"title": "..."} for a blank agenda or {"templateId": "..."} for a template.',
  },
);

export interface HttpDeps {
  hub: SessionHub;
  templates: AgendaTemplate[];
  limits: Limits;
  allowedOrigins: ReadonlySet<string>;
  trust: TrustProxy;
  /** Saved templates (server/savedTemplates.ts): private to their owners, startable with their keys. */
  catalog?: TemplateCatalog;
  rehearsals: Rehearsals;
  /** PROCESS_NAME, said by /health when set (several processes behind a load balancer). */
  processName?: string;
}

export const refuse = (reply: FastifyReply, status: number, message: string): FastifyReply =>
  reply.code(status).header('cache-control', 'no-store').send({ error: message });

export const templateItems = (t: AgendaTemplate): AgendaItem[] => t.items.map((i) => agendaItemFrom(nanoid(12), i));

/** The key of `Authorization: Bearer <key>`, if the request carries one. */
export const bearerKey = (request: FastifyRequest): string | undefined => /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];

/** The HTTP API: health, the public template list and session creation. */
export function apiRoutes(app: FastifyInstance, deps: HttpDeps): void {
  app.get('/health', async (_req, reply) => reply.header('cache-control', 'no-store').send(deps.processName ? { ok: true, process: deps.processName } : { ok: true }));

  // The built-in templates only (saved ones are their owners': server/templateRoutes.ts), without facilitator notes.
  app.get('/api/templates', async (_req, reply) =>
    reply.header('cache-control', 'no-store').send(
      deps.templates.map((t) => ({
        id: t.id,
        title: t.title,
        description: t.description,
        ...(t.source ? { source: t.source } : {}),
        items: t.items.map(({ facilitatorNotes: _secret, ...item }) => item),
      })),
    ),
  );

  // The origin is checked before the body is read: a page of another site learns nothing but the refusal.
  const ownPagesOnly = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const origin = checkOrigin(request.raw, deps.allowedOrigins, deps.trust);
    if (!origin.ok) await refuse(reply, 403, SAY.foreignPage(origin.origin));
  };
  app.post('/api/sessions', { bodyLimit: 4096, onRequest: ownPagesOnly }, (request, reply) => createSession(request, reply));
  app.route({
    method: ['GET', 'PUT', 'PATCH', 'DELETE'],
    url: '/api/sessions',
    handler: async (_req, reply) => refuse(reply.header('allow', 'POST'), 405, SAY.usePost),
  });

  async function createSession(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const parsed = CreateSession.safeParse(request.body ?? {});
    if (!parsed.success) return refuse(reply, 400, parsed.error.issues[0]?.message ?? SAY.badRequest);
    const { templateId, templateKey, title, rehearsal, agendaFrom } = parsed.data;
    if (templateId !== undefined && title !== undefined) return refuse(reply, 400, 'Send a title or a template id, not both.');
    if (templateId === undefined && title === undefined && agendaFrom === undefined)
      return refuse(reply, 400, 'Give the session a title or pick a template.');
    if (agendaFrom !== undefined && !rehearsal) return refuse(reply, 400, 'Only a rehearsal starts from another session’s agenda.');
    if (agendaFrom !== undefined && templateId !== undefined) return refuse(reply, 400, 'Send a template id or a session’s agenda to rehearse, not both.');

    let items: AgendaItem[] = [];
    let sessionTitle: string;
    let origin: TemplateOrigin | undefined;
    if (agendaFrom !== undefined) {
      const source = await sourceSession(request, agendaFrom);
      if (typeof source === 'string') return refuse(reply, 403, source);
      sessionTitle = title ?? source.state.title;
      items = source.state.agenda.map((i) => ({ ...i, id: nanoid(12) }));
    } else if (templateId !== undefined) {
      const template = deps.templates.find((t) => t.id === templateId) ?? (await deps.catalog?.open(templateId, templateKey));
      if (!template)
        return refuse(reply, 404, templateKey === undefined ? `No template with id "${templateId}".` : SAVED_SAY.gone);
      sessionTitle = template.title;
      items = templateItems(template);
      origin = { title: template.title, ...(template.source ? { source: template.source } : {}) };
    } else sessionTitle = title ?? '';
    // Before the address's budget is spent: a refused rehearsal costs nothing and leaves no session behind.
    if (rehearsal && deps.rehearsals.full()) return refuse(reply, 503, SAY_REHEARSAL.full(deps.limits.settings.rehearsalsAtOnce));

    const allowed = await deps.limits.sessionCreation(request.ip);
    if (!allowed.ok) {
      reply.header('retry-after', String(allowed.retryAfterSeconds));
      return refuse(reply, 429, SAY.tooManySessions(deps.limits.settings, allowed.retryAfterSeconds));
    }

    const record = await deps.hub.create(sessionTitle, items, { rehearsal: !!rehearsal, ...(origin ? { template: origin } : {}) });
    const live = rehearsal && (await deps.hub.get(record.id));
    if (rehearsal && live) {
      const started = await deps.rehearsals.start(live, rehearsal);
      // A rehearsal that could not start leaves no session behind: its link was never handed out.
      if (typeof started === 'string') {
        await deps.hub.delete(record.id);
        return refuse(reply, 409, started);
      }
    }
    const base = `${request.protocol}://${request.host}`;
    return reply.code(201).header('cache-control', 'no-store').send({
      sessionId: record.id,
      joinCode: record.joinCode,
      facilitatorKey: record.facilitatorKey,
      facilitatorUrl: `${base}/facilitate/${record.id}#key=${record.facilitatorKey}`,
      joinUrl: `${base}/join/${record.joinCode}`,
      boardUrl: `${base}/board/${record.joinCode}`,
    });
  }

  /** The session whose agenda a rehearsal copies: its facilitator key as the bearer, or our sentence. */
  async function sourceSession(request: FastifyRequest, sessionId: string): Promise<LiveSession | string> {
    const record = await deps.hub.recordOf(sessionId);
    const key = bearerKey(request);
    const session = record && key && deps.hub.checkFacilitatorKey(record, key) ? await deps.hub.get(sessionId) : undefined;
    return session ?? "Only that session's facilitator can rehearse its agenda: send its facilitator key.";
  }

  /** `DELETE /api/sessions/:id` with `Authorization: Bearer <facilitator key>`: the same as the console's delete. */
  app.delete<{ Params: { id: string } }>('/api/sessions/:id', async (request, reply) => {
    const record = await deps.hub.recordOf(request.params.id);
    if (!record) return refuse(reply, 404, 'There is no session with that id.');
    const key = bearerKey(request);
    if (!key || !deps.hub.checkFacilitatorKey(record, key))
      return refuse(reply, 403, "Only the session's facilitator can delete it: send its facilitator key.");
    await deps.hub.delete(record.id);
    return reply.code(204).header('cache-control', 'no-store').send();
  });
}
