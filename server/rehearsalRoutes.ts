import type { FastifyInstance } from 'fastify';
import { bearerKey, refuse } from './http.js';
import type { Rehearsals } from './rehearsal.js';
import { RehearsalChange, SAY_REHEARSAL } from './rehearsalRules.js';
import type { SessionHub } from './sessions/hub.js';

/**
 * A running rehearsal, for its facilitator (the key as the bearer): `GET` its status, `POST` a new pace or a pause,
 * `POST .../drive` to let the rehearsal take the current item's next step.
 */
export function rehearsalRoutes(app: FastifyInstance, deps: { hub: SessionHub; rehearsals: Rehearsals }): void {
  const facilitated = async (id: string, key: string | undefined) => {
    const record = await deps.hub.recordOf(id);
    return record && key && deps.hub.checkFacilitatorKey(record, key) ? deps.hub.get(id) : undefined;
  };
  const noStore = { 'cache-control': 'no-store' };

  app.get<{ Params: { id: string } }>('/api/sessions/:id/rehearsal', async (request, reply) => {
    const session = await facilitated(request.params.id, bearerKey(request));
    if (!session) return refuse(reply, 403, SAY_REHEARSAL.needsKey);
    if (!session.state.rehearsal) return refuse(reply, 409, SAY_REHEARSAL.notRehearsal);
    const status = deps.rehearsals.status(request.params.id);
    return status ? reply.headers(noStore).send(status) : refuse(reply, 404, SAY_REHEARSAL.none);
  });

  app.post<{ Params: { id: string } }>('/api/sessions/:id/rehearsal', { bodyLimit: 1024 }, async (request, reply) => {
    const session = await facilitated(request.params.id, bearerKey(request));
    if (!session) return refuse(reply, 403, SAY_REHEARSAL.needsKey);
    if (!session.state.rehearsal) return refuse(reply, 409, SAY_REHEARSAL.notRehearsal);
    const parsed = RehearsalChange.safeParse(request.body ?? {});
    if (!parsed.success) return refuse(reply, 400, parsed.error.issues[0]?.message ?? SAY_REHEARSAL.pace);
    const status = await deps.rehearsals.update(request.params.id, parsed.data);
    if (typeof status === 'string') return refuse(reply, 409, status);
    return status ? reply.headers(noStore).send(status) : refuse(reply, 404, SAY_REHEARSAL.none);
  });

  app.post<{ Params: { id: string } }>('/api/sessions/:id/rehearsal/drive', { bodyLimit: 1024 }, async (request, reply) => {
    const session = await facilitated(request.params.id, bearerKey(request));
    if (!session) return refuse(reply, 403, SAY_REHEARSAL.needsKey);
    if (!session.state.rehearsal) return refuse(reply, 409, SAY_REHEARSAL.notRehearsal);
    const step = await deps.rehearsals.drive(session);
    if (!step) return refuse(reply, 409, SAY_REHEARSAL.nothingToDrive);
    if (!step.result.ok) return refuse(reply, 409, step.result.error.message);
    return reply.headers(noStore).send({ step: step.type, seq: step.result.seq });
  });
}
