/** The chaos run's fault: one server process killed with SIGKILL during the load, and started again (chaos.ts). */
import type { ChaosOptions } from './args.js';
import type { ServerGroup } from './cluster.js';
import { fmt, now, seeded, sleep } from './stats.js';

export interface Killed {
  name: string;
  /** Seconds into the load when it was killed, and how long until it answered /health again. */
  atS: number;
  downS: number;
}

/** Waits until `killAtS` into the load, kills one process (chosen by the seed), restarts it after `downMs`. */
export async function killOne(g: ServerGroup, c: ChaosOptions, loadStart: number, log: (line: string) => void): Promise<Killed> {
  const i = Math.floor(seeded(c.seed)() * g.servers.length);
  const name = g.names[i]!;
  await sleep(Math.max(0, loadStart + c.killAtS * 1000 - now()));
  const at = now();
  g.kill(i);
  log(`chaos: ${name} (pid ${g.servers[i]!.pid}) killed with SIGKILL at t=${fmt((at - loadStart) / 1000)}s`);
  await sleep(c.downMs);
  await g.restart(i);
  const back = now();
  log(`chaos: ${name} started again on the same port (pid ${g.servers[i]!.pid}) after ${fmt((back - at) / 1000)} s`);
  return { name, atS: (at - loadStart) / 1000, downS: (back - at) / 1000 };
}
