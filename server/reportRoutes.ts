import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { textExport } from '../shared/report/exportFile.js';
import { EXPORT_FORMATS, EXPORT_MEDIA_TYPES, scopedFormat, type ExportFormat } from '../shared/report/formats.js';
import { contentDisposition, reportFileName } from '../shared/report/fileName.js';
import { isTimeZone } from '../shared/report/format.js';
import type { PaperSize, ReportOptions, ReportScope } from '../shared/report/model.js';
import { buildReport } from '../shared/report/session.js';
import { kinds } from '../shared/modules/registry.js';
import { scopeProblem } from '../shared/modules/share/share.logic.js';
import { groupOfParticipant } from '../shared/modules/workgroup/workgroup.state.js';
import { participantById } from '../shared/session/notes.js';
import type { SessionState } from '../shared/session/state.js';
import { bearerKey, refuse } from './http.js';
import type { Limits } from './limits.js';
import { RendererBusy, type PdfRenderer } from './reportRender.js';
import { SharedReports } from './sharedReports.js';
import { SAY } from './sentences.js';
import type { LiveSession, SessionHub } from './sessions/hub.js';

export interface ReportDeps {
  hub: SessionHub;
  limits: Limits;
  renderer: PdfRenderer;
  now: () => number;
}

const OPTIONS = 'names (1 or 0), paper (letter or a4), tz (a time zone such as America/Chicago) and facilitator (a name for the title page)';
const timeZone = z
  .string({ error: 'Give one time zone, such as tz=America/Chicago.' })
  .refine(isTimeZone, { error: (issue) => `"${String(issue.input)}" is not a time zone we know (try one such as America/Chicago).` });
const paper = z.enum(['letter', 'a4'], { error: 'The paper is letter (the default) or a4.' });
const ExportQuery = z.strictObject(
  { names: z.enum(['0', '1'], { error: 'The names option is 1 (print participant names) or 0 (leave them out, the default).' }).optional(), paper: paper.optional(), tz: timeZone.optional(), facilitator: z.string({ error: 'Give the facilitator’s name once.' }).trim().max(80, 'A facilitator’s name can be at most 80 characters.').optional() },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `We do not know the option "${issue.keys[0] ?? ''}". The options are ${OPTIONS}.` : undefined) },
);
const SharedQuery = z.strictObject(
  { paper: paper.optional() },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `A shared report takes one option, paper (letter or a4), not "${issue.keys[0] ?? ''}".` : undefined) },
);

const MemberQuery = z.strictObject(
  { paper: paper.optional(), tz: timeZone.optional() },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `A group's report-out takes paper (letter or a4) and tz, not "${issue.keys[0] ?? ''}".` : undefined) },
);

const EXTENSION: Record<ExportFormat, string> = { pdf: 'pdf', md: 'md', csv: 'csv', json: 'json' };
const FILE: Record<ExportFormat, string> = { pdf: 'report.pdf', md: 'report.md', csv: 'export.csv', json: 'export.json' };

const sendFile = (reply: FastifyReply, format: ExportFormat, name: string, body: string | Uint8Array): FastifyReply =>
  reply
    .code(200)
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', contentDisposition(name))
    .type(EXPORT_MEDIA_TYPES[format])
    .send(typeof body === 'string' ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength));

/**
 * Reports over HTTP, for scripts (with the facilitator key) and for the room (with a shared report's link). Every
 * PDF is rendered in a worker thread; the session counts as used, so an idle one stays loaded while it is exported.
 */
export function reportRoutes(app: FastifyInstance, deps: ReportDeps): void {
  const shared = new SharedReports(deps.renderer, deps.now);
  deps.hub.onUnload((sessionId) => shared.forgetSession(sessionId));

  const limited = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | null> => {
    const verdict = await deps.limits.reportExport(request.ip);
    if (verdict.ok) return null;
    reply.header('retry-after', String(verdict.retryAfterSeconds));
    return refuse(reply, 429, SAY.tooManyExports(deps.limits.settings, verdict.retryAfterSeconds));
  };

  /** Makes the file, or answers with our sentence when the renderer is full or anything failed. */
  const produce = async <T>(reply: FastifyReply, make: () => T | Promise<T>): Promise<{ file: T } | FastifyReply> => {
    try {
      return { file: await make() };
    } catch (e) {
      if (e instanceof RendererBusy) return refuse(reply.header('retry-after', '60'), 503, SAY.reportsBusy);
      reply.log.error({ err: e }, 'report failed');
      return refuse(reply, 500, SAY.reportFailed);
    }
  };

  type Params = { id: string; itemId?: string; groupId?: string };
  const exportRoute = (format: ExportFormat, scopeOf: (p: Params) => ReportScope) =>
    async (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply): Promise<FastifyReply> => {
      // Without the right key every answer is the same, whether the session exists or not.
      const refused = await limited(request, reply);
      if (refused) return refused;
      const record = await deps.hub.recordOf(request.params.id);
      const key = bearerKey(request);
      if (!record || !key || !deps.hub.checkFacilitatorKey(record, key)) return refuse(reply, 403, SAY.exportNeedsKey);
      const query = ExportQuery.safeParse(request.query ?? {});
      if (!query.success) return refuse(reply, 400, query.error.issues[0]?.message ?? SAY.badRequest);
      const session = await deps.hub.get(record.id);
      if (!session || session.deleted) return refuse(reply, 403, SAY.exportNeedsKey);
      deps.hub.used(session);
      const scope = scopeOf(request.params);
      const problem = scopeProblem(session.state, scope, kinds);
      if (problem) return refuse(reply, 404, problem);
      const { state } = session;
      const options: ReportOptions = { scope, names: query.data.names === '1', at: deps.now(), timeZone: query.data.tz, facilitator: query.data.facilitator };
      const made = await produce<string | Uint8Array>(reply, () =>
        format === 'pdf' ? deps.renderer.render(buildReport(state, options), query.data.paper ?? 'letter') : textExport(state, options, format),
      );
      return 'file' in made ? sendFile(reply, format, reportFileName(state, scope, EXTENSION[format], options.timeZone), made.file) : made;
    };

  const scopes: Array<[string, (p: Params) => ReportScope]> = [
    ['/api/sessions/:id', () => ({ kind: 'session' })],
    ['/api/sessions/:id/items/:itemId', (p) => ({ kind: 'item', itemId: p.itemId ?? '' })],
    ['/api/sessions/:id/items/:itemId/groups/:groupId', (p) => ({ kind: 'group', itemId: p.itemId ?? '', groupId: p.groupId ?? '' })],
  ];
  for (const [base, scopeOf] of scopes)
    for (const format of EXPORT_FORMATS)
      if (base === '/api/sessions/:id' || scopedFormat(format)) app.get<{ Params: Params }>(`${base}/${FILE[format]}`, exportRoute(format, scopeOf));

  /**
   * A member's copy of THEIR work group's report-out, from the phone: the participant's own token picks the group, so
   * no address opens another group's. Once the leader marked it ready; never with names (the room's rule).
   */
  app.get<{ Params: { id: string; itemId: string } }>('/api/sessions/:id/items/:itemId/my-group/report.pdf', async (request, reply) => {
    const refused = await limited(request, reply);
    if (refused) return refused;
    const query = MemberQuery.safeParse(request.query ?? {});
    if (!query.success) return refuse(reply, 400, query.error.issues[0]?.message ?? SAY.badRequest);
    const record = await deps.hub.recordOf(request.params.id);
    const session = record ? await deps.hub.get(record.id) : undefined;
    const token = bearerKey(request);
    const participantId = session && !session.deleted && token ? await deps.hub.participantByToken(session, token) : undefined;
    if (!session || !participantId || !participantById(session.state, participantId)) return refuse(reply, 403, SAY.groupPdfNeedsMember);
    deps.hub.used(session);
    const { state } = session;
    const group = groupOfParticipant(state, participantId);
    if (!group) return refuse(reply, 404, SAY.noWorkGroup);
    if (group.readyAt === null) return refuse(reply, 409, SAY.groupNotReady);
    const scope: ReportScope = { kind: 'group', itemId: request.params.itemId, groupId: group.id };
    const problem = scopeProblem(state, scope, kinds);
    if (problem) return refuse(reply, 404, problem);
    const options: ReportOptions = { scope, names: false, at: deps.now(), timeZone: query.data.tz };
    const made = await produce(reply, () => deps.renderer.render(buildReport(state, options), query.data.paper ?? 'letter'));
    return 'file' in made ? sendFile(reply, 'pdf', reportFileName(state, scope, 'pdf', options.timeZone), made.file) : made;
  });

  /** The room's copy: the link's secret alone opens it, for the shared scope only, never with names. */
  const sharedRoute = async (request: FastifyRequest<{ Params: { shareId: string } }>, reply: FastifyReply): Promise<FastifyReply> => {
    const query = SharedQuery.safeParse(request.query ?? {});
    if (!query.success) return refuse(reply, 400, query.error.issues[0]?.message ?? SAY.badRequest);
    const session = await sharingSession(deps.hub, request.params.shareId);
    const share = session?.state.sharedReport;
    if (!session || !share) {
      // Wrong links count against the address: they are guesses.
      return (await limited(request, reply)) ?? refuse(reply, 404, SAY.notShared);
    }
    deps.hub.used(session);
    const paperSize: PaperSize = query.data.paper ?? 'letter';
    const state: SessionState = session.state;
    // Only a new render counts against the address: a room behind one address shares the copy already made.
    if (!shared.fresh(share.shareId, paperSize, state.seq)) {
      const refused = await limited(request, reply);
      if (refused) return refused;
    }
    const options: ReportOptions = { scope: share.scope, names: false, at: deps.now(), timeZone: share.timeZone };
    // Looked up again: a download that came in meanwhile may have started the render this one can share.
    const made = await produce(
      reply,
      () => shared.fresh(share.shareId, paperSize, state.seq) ?? shared.render(share.shareId, paperSize, state.seq, () => buildReport(state, options)),
    );
    return 'file' in made ? sendFile(reply, 'pdf', reportFileName(state, share.scope, 'pdf', share.timeZone), made.file) : made;
  };
  app.get('/api/shared/:shareId/report.pdf', sharedRoute);
  // The short form the board prints under its QR code.
  app.get('/r/:shareId', sharedRoute);
}

/** The session whose shared report this link opens, if it is shared right now; found without a scan of sessions. */
async function sharingSession(hub: SessionHub, shareId: string): Promise<LiveSession | undefined> {
  const match = /^([A-Za-z0-9_-]{1,64})\.[A-Za-z0-9_-]{16,128}$/.exec(shareId);
  if (!match?.[1] || !(await hub.recordOf(match[1]))) return undefined;
  const session = await hub.get(match[1]);
  const current = session?.state.sharedReport?.shareId;
  if (!session || session.deleted || !current) return undefined;
  const a = Buffer.from(current);
  const b = Buffer.from(shareId);
  return a.length === b.length && timingSafeEqual(a, b) ? session : undefined;
}
