import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** The single-page client's own addresses (client/router.ts): each gets index.html, everything else a 404. */
const CLIENT_ROUTES = ['/', '/join', '/join/:code', '/facilitate/:sessionId', '/board/:code'];

/** Vite names the files in assets/ by their content hash, so they never change under their name. */
const FOREVER = 'public, max-age=31536000, immutable';

/**
 * Serves the built client: the files that exist at start (no wildcard route, so an odd path never reaches the
 * file system), each as the brotli or gzip copy made at build time when the browser takes it.
 */
export async function clientRoutes(app: FastifyInstance, clientDir: string): Promise<void> {
  const assets = path.join(clientDir, 'assets') + path.sep;
  await app.register(fastifyStatic, {
    root: clientDir,
    prefix: '/',
    wildcard: false,
    index: false,
    preCompressed: true,
    globIgnore: ['**/*.gz', '**/*.br'],
    dotfiles: 'ignore',
    cacheControl: false,
    setHeaders: (reply, file) => void reply.header('cache-control', file.startsWith(assets) ? FOREVER : 'no-cache'),
  });
  for (const url of CLIENT_ROUTES) app.get(url, (_req, reply) => reply.sendFile('index.html'));
}

/** index.html, for a browser that asked for an address we do not have: the client shows its own "not found". */
export function notFoundPage(clientDir: string | null): () => Buffer | null {
  if (!clientDir) return () => null;
  let page: Buffer | null = null;
  return () => (page ??= fs.readFileSync(path.join(clientDir, 'index.html')));
}
