import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { nanoid } from 'nanoid';
import { z } from 'zod';
import type { AgendaTemplate } from '../shared/protocol/agenda.schema.js';
import { LIMITS } from '../shared/protocol/limits.js';
import type { AgendaItem } from '../shared/session/state.js';
import type { SessionHub } from './sessions/hub.js';
import { describeIssues } from './validation.js';

const CreateSession = z.union([
  z.object({ templateId: z.string().min(1).max(60) }).strict(),
  z.object({ title: z.string().trim().min(1, 'Give the session a title.').max(LIMITS.title) }).strict(),
]);

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.wav': 'audio/wav',
};

export interface HttpDeps {
  hub: SessionHub;
  templates: AgendaTemplate[];
  clientDir: string | null;
}

const json = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
};
const problem = (res: ServerResponse, status: number, message: string): void => json(res, status, { error: message });

async function readBody(req: IncomingMessage, max: number): Promise<string | null> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export const templateItems = (t: AgendaTemplate): AgendaItem[] =>
  t.items.map((i) => ({
    id: nanoid(12),
    title: i.title,
    plannedMinutes: i.plannedMinutes,
    moduleType: i.moduleType,
    facilitatorNotes: i.facilitatorNotes ?? '',
    prompt: i.prompt ?? '',
    columns: i.columns ?? [],
  }));

/** The HTTP side: health, templates, session creation, and the built client (single-page fallback). */
export function httpHandler(deps: HttpDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
      decodeURIComponent(url.pathname);
    } catch {
      return problem(res, 400, 'That address is not valid.');
    }
    if (url.pathname.startsWith('/socket.io/')) return; // socket.io answers these itself
    try {
      if (url.pathname === '/health') return json(res, 200, { ok: true });
      if (url.pathname === '/api/templates' && req.method === 'GET')
        return json(
          res,
          200,
          // Facilitator notes stay out: anyone can read this list.
          deps.templates.map((t) => ({
            id: t.id,
            title: t.title,
            description: t.description,
            items: t.items.map(({ facilitatorNotes: _secret, ...item }) => item),
          })),
        );
      if (url.pathname === '/api/sessions') {
        if (req.method !== 'POST') return problem(res, 405, 'Use POST to create a session.');
        return await createSession(req, res);
      }
      const deleting = /^\/api\/sessions\/([^/]+)$/.exec(url.pathname);
      if (deleting && req.method === 'DELETE') return deleteSession(deleting[1]!, req, res);
      if (url.pathname.startsWith('/api/')) return problem(res, 404, 'No such API endpoint.');
      return serveClient(url.pathname, res);
    } catch (e) {
      console.error('http failed', e);
      if (!res.headersSent) problem(res, 500, 'Something went wrong on the server.');
    }
  };

  async function createSession(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const text = await readBody(req, 4096);
    if (text === null) return problem(res, 413, 'That request is too large.');
    let raw: unknown;
    try {
      raw = JSON.parse(text || '{}');
    } catch {
      return problem(res, 400, 'The request body must be JSON.');
    }
    const parsed = CreateSession.safeParse(raw);
    if (!parsed.success)
      return problem(res, 400, `Send {"templateId": "..."} or {"title": "..."}. ${describeIssues(parsed.error)}`);
    let title: string;
    let items: AgendaItem[] = [];
    if ('templateId' in parsed.data) {
      const id = parsed.data.templateId;
      const template = deps.templates.find((t) => t.id === id);
      if (!template) return problem(res, 404, `No template with id "${id}".`);
      title = template.title;
      items = templateItems(template);
    } else title = parsed.data.title;
    const record = deps.hub.create(title, items);
    const origin = `http://${req.headers.host ?? 'localhost'}`;
    json(res, 201, {
      sessionId: record.id,
      joinCode: record.joinCode,
      facilitatorKey: record.facilitatorKey,
      facilitatorUrl: `${origin}/facilitate/${record.id}#key=${record.facilitatorKey}`,
      joinUrl: `${origin}/join/${record.joinCode}`,
      boardUrl: `${origin}/board/${record.joinCode}`,
    });
  }

  /** `DELETE /api/sessions/:id` with `Authorization: Bearer <facilitator key>`: the same as the console's delete. */
  function deleteSession(sessionId: string, req: IncomingMessage, res: ServerResponse): void {
    const record = deps.hub.recordOf(decodeURIComponent(sessionId));
    if (!record) return problem(res, 404, 'There is no session with that id.');
    const key = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!key || !deps.hub.checkFacilitatorKey(record, key))
      return problem(res, 403, "Only the session's facilitator can delete it: send its facilitator key.");
    deps.hub.delete(record.id);
    res.writeHead(204, { 'cache-control': 'no-store' }).end();
  }

  function serveClient(pathname: string, res: ServerResponse): void {
    if (!deps.clientDir) return problem(res, 404, 'The client is not built. Run "npm run build".');
    const root = deps.clientDir;
    const file = path.normalize(path.join(root, decodeURIComponent(pathname)));
    const inside = file.startsWith(root + path.sep);
    const target = inside && fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(root, 'index.html');
    const ext = path.extname(target);
    res.writeHead(200, {
      'content-type': MIME[ext] ?? 'application/octet-stream',
      'cache-control': target.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    fs.createReadStream(target).pipe(res);
  }
}
