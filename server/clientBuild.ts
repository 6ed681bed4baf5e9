import fs from 'node:fs';
import path from 'node:path';

/** What the built client is made from: a change to any of these makes the build stale. */
const SOURCES = ['client', 'shared', 'vite.config.ts', 'package.json'];

function newestChange(entry: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted or renamed file changes its folder
  for (const name of fs.readdirSync(entry, { recursive: true, encoding: 'utf8' })) {
    const file = path.join(entry, name);
    try {
      newest = Math.max(newest, fs.statSync(file).mtimeMs);
    } catch {
      // removed while we looked
    }
  }
  return newest;
}

/** Why the client in `outDir` needs building, or null when it is newer than every source. */
export function staleBuildReason(root: string, outDir: string): string | null {
  let built: number;
  try {
    built = fs.statSync(path.join(outDir, 'index.html')).mtimeMs;
  } catch {
    return 'No client build found';
  }
  for (const source of SOURCES) if (newestChange(path.join(root, source)) > built) return `${source} changed since the last client build`;
  return null;
}
