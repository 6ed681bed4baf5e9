import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { LIMITS } from '../shared/protocol/limits.js';
import { bearerKey, refuse } from './http.js';
import { checkOrigin, type TrustProxy } from './origins.js';
import type { TemplateCatalog } from './savedTemplates.js';
import { matchesHash } from './secrets.js';
import { SAY } from './sentences.js';
import type { SessionHub } from './sessions/hub.js';

export interface TemplateRouteDeps {
  hub: SessionHub;
  catalog: TemplateCatalog;
  allowedOrigins: ReadonlySet<string>;
  trust: TrustProxy;
}

const SaveBody = z.strictObject(
  {
    title: z
      .string({ error: 'A template name is text.' })
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

const NOT_OWNER = 'Only the facilitator who saved this template can do that: open it from that session’s console.';

/**
 * Saved templates. Saving takes the session's facilitator key; the saved template is listed for everyone beside the
 * built-in ones (without facilitator notes). Its whole file (with the notes) downloads, and it is deleted, with the
 * key of the session it was saved from.
 */
export function templateRoutes(app: FastifyInstance, deps: TemplateRouteDeps): void {
  const ownPagesOnly = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const origin = checkOrigin(request.raw, deps.allowedOrigins, deps.trust);
    if (!origin.ok) await refuse(reply, 403, SAY.foreignPage(origin.origin));
  };

  app.post<{ Params: { id: string } }>('/api/sessions/:id/templates', { bodyLimit: 8192, onRequest: ownPagesOnly }, async (request, reply) => {
    const record = deps.hub.recordOf(request.params.id);
    const key = bearerKey(request);
    if (!record || !key || !deps.hub.checkFacilitatorKey(record, key))
      return refuse(reply, 403, 'Only the session’s facilitator can save its agenda as a template: open it from the console.');
    const parsed = SaveBody.safeParse(request.body ?? {});
    if (!parsed.success) return refuse(reply, 400, parsed.error.issues[0]?.message ?? SAY.badRequest);
    const live = deps.hub.get(record.id);
    if (!live) return refuse(reply, 404, 'There is no session with that id.');
    const out = deps.catalog.save(parsed.data, live.state.agenda, key);
    if (!out.ok) return refuse(reply, out.status, out.error);
    return reply.code(201).header('cache-control', 'no-store').send({ id: out.template.id, title: out.template.title });
  });

  const owned = (request: FastifyRequest<{ Params: { tid: string } }>): boolean => {
    const hash = deps.catalog.ownerOf(request.params.tid);
    const key = bearerKey(request);
    return !!hash && !!key && matchesHash(key, hash);
  };

  app.get<{ Params: { tid: string } }>('/api/templates/:tid/file', async (request, reply) => {
    const found = deps.catalog.find(request.params.tid);
    if (!found?.saved) return refuse(reply, 404, 'There is no saved template with that id.');
    if (!owned(request)) return refuse(reply, 403, NOT_OWNER);
    return reply
      .header('cache-control', 'no-store')
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="${found.template.id}.json"`)
      .send(JSON.stringify(found.template, null, 2) + '\n');
  });

  app.delete<{ Params: { tid: string } }>('/api/templates/:tid', { onRequest: ownPagesOnly }, async (request, reply) => {
    if (!deps.catalog.find(request.params.tid)?.saved) return refuse(reply, 404, 'There is no saved template with that id.');
    if (!owned(request)) return refuse(reply, 403, NOT_OWNER);
    deps.catalog.remove(request.params.tid);
    return reply.code(204).header('cache-control', 'no-store').send();
  });
}
