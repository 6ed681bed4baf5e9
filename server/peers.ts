import type { Logger } from 'pino';

/** Every process says it is alive this often on the channel... */
export const HEARTBEAT_MS = 3000;
/**
 * ...and one not heard from for this long is gone: within HEARTBEAT_MS more (the next sweep) the others recount
 * who is online, so a killed process's phones show offline on every console at most 12 s after it died.
 */
export const PEER_GONE_MS = 9000;
/** The most processes remembered at once (a channel flooded with made-up ones grows nothing past this). */
const MAX_PEERS = 1000;

/**
 * The other processes, by the uid each has for one run (a restarted process is a new one, whatever its
 * PROCESS_NAME), with when each last said it is alive. Listeners hear when one appears or goes.
 */
export class Peers {
  private seen = new Map<string, number>();
  private changed = new Set<() => void>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private logger: Logger) {}

  /** Says alive now and every HEARTBEAT_MS, each time letting go of the processes silent for PEER_GONE_MS. */
  start(sayAlive: () => void): void {
    const beat = (): void => {
      sayAlive();
      this.sweep();
    };
    beat();
    this.timer = setInterval(beat, HEARTBEAT_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  onChanged(fn: () => void): void {
    this.changed.add(fn);
  }

  heard(uid: string): void {
    const known = this.seen.has(uid);
    if (!known && this.seen.size >= MAX_PEERS) return;
    this.seen.set(uid, Date.now());
    if (!known) this.tell();
  }

  private sweep(): void {
    const now = Date.now();
    let gone = false;
    for (const [uid, at] of this.seen)
      if (now - at > PEER_GONE_MS) {
        this.seen.delete(uid);
        gone = true;
        this.logger.warn({ silentMs: now - at, processes: this.seen.size + 1 }, 'another process went silent: who is online is counted again without it');
      }
    if (gone) this.tell();
  }

  private tell(): void {
    for (const fn of this.changed) fn();
  }
}
