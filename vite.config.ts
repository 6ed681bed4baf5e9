import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';
import { postgresUnusable } from './tests/support/pgProbe.js';
import { defineConfig } from 'vitest/config';

const serverPort = Number(process.env.PORT ?? 3000);

/**
 * The suites that run a second time with their servers on PostgreSQL (TEST_STORE=postgres, a schema per server):
 * the command pipeline and idempotence, joins and catch-up, snapshots and restarts, retention and deletion, erasure,
 * saved templates, replay, the values survey's anonymity, the eco-map's secrecy, and two servers on one database.
 */
const POSTGRES_SUITES = [
  'session',
  'enterDuringWrites',
  'dataProtection',
  'restart',
  'late',
  'lifecycle',
  'savedTemplates',
  'replay',
  'replayFollow',
  'valuesAnonymity',
  'ecomapSecrecy',
  'people',
  'carry',
  'sessionQueue',
].map((name) => `tests/integration/${name}.integration.test.ts`);

/** Why the PostgreSQL run is left out here, or null when DATABASE_URL answers. */
async function postgresAbsent(): Promise<string | null> {
  const url = process.env.DATABASE_URL?.trim();
  if (!url) return 'DATABASE_URL is not set';
  const why = await postgresUnusable(url);
  return why && `nothing usable answers at DATABASE_URL (${why})`;
}

export default defineConfig(async ({ mode }) => {
  const absent = mode === 'test' ? await postgresAbsent() : 'not a test run';
  if (mode === 'test' && absent) console.warn(`The suites' second run on PostgreSQL is skipped: ${absent}.`);
  const run = process.env.FT_PG_RUN ?? Date.now().toString(36);
  process.env.FT_PG_RUN = run;
  return {
  root: 'client',
  // Gzip and brotli copies next to each built file: the server sends them as they are (no compression per request).
  plugins: [react(), compression({ algorithms: ['gzip', 'brotliCompress'] })],
  build: { outDir: '../dist/client', emptyOutDir: true },
  // The PDF worker as an ES module: jspdf's optional parts (html2canvas, DOMPurify) stay separate files it never loads.
  worker: { format: 'es' },
  server: {
    port: 5173,
    proxy: {
      '/api': `http://localhost:${serverPort}`,
      '/health': `http://localhost:${serverPort}`,
      '/socket.io': { target: `http://localhost:${serverPort}`, ws: true },
    },
  },
  test: {
    root: '.',
    reporters: ['default', './tests/support/summaryReporter.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // A loaded CI machine (two cores, browsers and servers side by side) can take more than the default second for a
    // screen to catch up: a poll waits up to 10 s for what must happen (what must not happen is checked otherwise).
    expect: { poll: { timeout: 10_000 } },
    fileParallelism: true,
    pool: 'forks',
    // Two test files at once on two cores (vitest's default is one fewer than the cores): most of an end-to-end
    // test's time is spent waiting on a browser or a socket. The whole suite: 606 s with one, 398 s with two.
    maxWorkers: 2,
    // The 20-participant rehearsal of every shipped template runs its templates side by side (each mostly waits on
    // the simulated room's pace): 18 at once rather than vitest's default of 5.
    maxConcurrency: 20,
    projects: [
      // A project's include adds to the root's, so each project names its own files.
      { extends: true, test: { name: 'sqlite', include: ['tests/**/*.test.{ts,tsx}'], setupFiles: ['tests/support/onSqlite.ts'] } },
      ...(absent
        ? []
        : [
            {
              extends: true,
              test: {
                name: 'postgres',
                include: POSTGRES_SUITES,
                env: { FT_PG_RUN: run },
                setupFiles: ['tests/support/onPostgres.ts'],
                globalSetup: ['tests/support/pgSuites.ts'],
              },
            },
          ]),
    ],
  },
  };
});
