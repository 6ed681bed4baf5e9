import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { staleBuildReason } from '../../server/clientBuild.js';
import { tempDir } from '../support/harness.js';

/** A project folder whose files all date from `at` (seconds), with a client build from `builtAt`. */
function project(at: number, builtAt: number | null): { root: string; out: string; touch(file: string, when: number): void } {
  const root = tempDir('ft-stale-');
  const out = path.join(root, 'dist', 'client');
  const touch = (file: string, when: number): void => {
    const full = path.join(root, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    if (!fs.existsSync(full)) fs.writeFileSync(full, '');
    fs.utimesSync(full, when, when);
  };
  for (const f of ['client/views/participant/ParticipantView.tsx', 'shared/session/reducer.ts', 'vite.config.ts', 'package.json']) touch(f, at);
  for (const dir of ['client/views/participant', 'client/views', 'client', 'shared/session', 'shared']) fs.utimesSync(path.join(root, dir), at, at);
  if (builtAt !== null) touch('dist/client/index.html', builtAt);
  return { root, out, touch };
}

describe('npm start rebuilds a stale client', () => {
  it('builds when there is no build', () => {
    const p = project(1000, null);
    expect(staleBuildReason(p.root, p.out)).toBe('No client build found');
  });

  it('keeps a build newer than every source', () => {
    const p = project(1000, 2000);
    expect(staleBuildReason(p.root, p.out)).toBeNull();
  });

  it.each([
    ['client/views/participant/ParticipantView.tsx', 'client'],
    ['shared/session/reducer.ts', 'shared'],
    ['vite.config.ts', 'vite.config.ts'],
    ['package.json', 'package.json'],
    ['client/new-file.ts', 'client'],
  ])('rebuilds when %s is newer than the build', (file, source) => {
    const p = project(1000, 2000);
    p.touch(file, 3000);
    expect(staleBuildReason(p.root, p.out)).toBe(`${source} changed since the last client build`);
  });

  it('rebuilds when a file was deleted since the build (its folder changed)', () => {
    const p = project(1000, 2000);
    fs.rmSync(path.join(p.root, 'shared/session/reducer.ts'));
    expect(staleBuildReason(p.root, p.out)).toBe('shared changed since the last client build');
  });
});
