import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { SavedTemplateSummary } from '../shared/protocol/agenda.schema.js';
import { LIMITS } from '../shared/protocol/limits.js';
import { bearerKey, refuse } from './http.js';
import type { Limits } from './limits.js';
import { checkOrigin, type TrustProxy } from './origins.js';
import { MAX_SAVED_TEMPLATES, SAVED_SAY, type TemplateCatalog } from './savedTemplates.js';
import { SAY, waitText } from './sentences.js';
import type { SessionHub } from './sessions/hub.js';

export interface TemplateRouteDeps {
  hub: SessionHub;
  catalog: TemplateCatalog;
  limits: Limits;
  allowedOrigins: ReadonlySet<string>;
  trust: TrustProxy;
}

const SaveBody = z.strictObject(
  {
    title: z
      .string({ error: (issue) => (issue.input === undefined ? 'Give the template a name.' : 'A template name is text.') })
      .trim()
      .min(1, 'Give the template a name.')
      .max(LIMITS.title, `A template name can be at most ${LIMITS.title} characters.`),
    description: z
      .string({ error: 'A description is text.' })
      .trim()
      .max(LIMITS.itemText, `A description can be at most ${LIMITS.itemText} characters.`)
      .default(''),
  },
  { error: () => 'Send {"title": "...", "description": "..."} to save the agenda as a template.' },
);

const Owned = z.strictObject(
  {
    templates: z
      .array(
        z.strictObject(
          {
            id: z.string({ error: 'A template id is text.' }).max(60, 'No template has an id that long.'),
            key: z.string({ error: 'A template key is text.' }).max(100, 'No template key is that long.'),
          },
          { error: () => 'Each saved template is {"id": "...", "key": "..."}.' },
        ),
        { error: 'Send {"templates": [{"id": "...", "key": "..."}]}.' },
      )
      .max(MAX_SAVED_TEMPLATES, `Ask about at most ${MAX_SAVED_TEMPLATES} saved templates at once.`),
  },
  { error: () => 'Send {"templates": [{"id": "...", "key": "..."}]} to list your saved templates.' },
);

/**
 * Saved templates, each private to the one who saved it. Saving takes the session's facilitator key and hands back a
 * new template key once; listing, opening, downloading, deleting and starting (POST /api/sessions) take that key.
 */
export function templateRoutes(app: FastifyInstance, deps: TemplateRouteDeps): void {
  const ownPagesOnly = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const origin = checkOrigin(request.raw, deps.allowedOrigins, deps.trust);
    if (!origin.ok) await refuse(reply, 403, SAY.foreignPage(origin.origin));
  };

  app.post<{ Params: { id: string } }>('/api/sessions/:id/templates', { bodyLimit: 8192, onRequest: ownPagesOnly }, async (request, reply) => {
    const record = await deps.hub.recordOf(request.params.id);
    const key = bearerKey(request);
    if (!record || !key || !deps.hub.checkFacilitatorKey(record, key))
      return refuse(reply, 403, 'Only the session’s facilitator can save its agenda as a template: open it from the console.');
    const parsed = SaveBody.safeParse(request.body ?? {});
    if (!parsed.success) return refuse(reply, 400, parsed.error.issues[0]?.message ?? SAY.badRequest);
    const live = await deps.hub.get(record.id);
    if (!live) return refuse(reply, 404, 'There is no session with that id.');
    const allowed = await deps.limits.templateSave(request.ip);
    if (!allowed.ok) {
      const perHour = deps.limits.settings.templateSavesPerHour;
      return refuse(
        reply.header('retry-after', String(allowed.retryAfterSeconds)),
        429,
        `Too many templates were saved from your network (at most ${perHour} an hour). Please try again in ${waitText(allowed.retryAfterSeconds)}.`,
      );
    }
    const out = await deps.catalog.save(parsed.data, { id: record.id, agenda: live.state.agenda, startedFrom: live.state.startedFrom });
    if (!out.ok) return refuse(reply, out.status, out.error);
    return reply.code(201).header('cache-control', 'no-store').send({ id: out.template.id, title: out.template.title, key: out.key });
  });

  // The owner's list: summaries of the templates whose keys the browser holds, and the ids that are gone.
  app.post('/api/templates/saved', { bodyLimit: 64 * 1024, onRequest: ownPagesOnly }, async (request, reply) => {
    const parsed = Owned.safeParse(request.body ?? {});
    if (!parsed.success) return refuse(reply, 400, parsed.error.issues[0]?.message ?? SAY.badRequest);
    const templates: SavedTemplateSummary[] = [];
    const gone: string[] = [];
    for (const { id, key } of parsed.data.templates) {
      const s = await deps.catalog.summary(id, key);
      if (s) templates.push(s);
      else gone.push(id);
    }
    return reply.header('cache-control', 'no-store').send({ templates, gone });
  });

  app.get<{ Params: { tid: string } }>('/api/templates/:tid', async (request, reply) => {
    const t = await deps.catalog.open(request.params.tid, bearerKey(request));
    if (!t) return refuse(reply, 404, SAVED_SAY.gone);
    return reply.header('cache-control', 'no-store').send(t);
  });

  app.get<{ Params: { tid: string } }>('/api/templates/:tid/file', async (request, reply) => {
    const t = await deps.catalog.open(request.params.tid, bearerKey(request));
    if (!t) return refuse(reply, 404, SAVED_SAY.gone);
    return reply
      .header('cache-control', 'no-store')
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="${t.id}.json"`)
      .send(JSON.stringify(t, null, 2) + '\n');
  });

  app.delete<{ Params: { tid: string } }>('/api/templates/:tid', { onRequest: ownPagesOnly }, async (request, reply) => {
    if (!(await deps.catalog.remove(request.params.tid, bearerKey(request)))) return refuse(reply, 404, SAVED_SAY.gone);
    return reply.code(204).header('cache-control', 'no-store').send();
  });
}
