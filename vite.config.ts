import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';
import { defineConfig } from 'vitest/config';

const serverPort = Number(process.env.PORT ?? 3000);

export default defineConfig({
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
    include: ['tests/**/*.test.{ts,tsx}'],
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
  },
});
