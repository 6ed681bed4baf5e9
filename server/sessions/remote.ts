import type { SessionEvent } from '../../shared/session/events.js';
import type { LiveSession, SessionHub } from './hub.js';

/**
 * Events another process committed (server/cluster.ts), in this process's turn on the session: applied to its copy,
 * if it holds the session, in seq order; ones it has are ignored; a gap (a message lost while Redis was away) reads
 * the rest from the store (which `SessionHub.onCaughtUp` hears). `then` gets the relayed events applied, still in the
 * turn, so that they go to the screens in the order they were applied.
 */
export function applyRemote(
  hub: SessionHub,
  sessionId: string,
  events: readonly unknown[],
  then: (applied: SessionEvent[]) => void,
): Promise<void> {
  const s = hub.held(sessionId);
  if (!s) return Promise.resolve();
  return hub.exclusive(s, async () => {
    if (s.deleted) return;
    // A message that is not what our processes write is never applied: the store says what happened instead.
    if (!events.every(wellFormed)) return hub.catchUp(s);
    const fresh = events.filter((e) => e.seq > s.state.seq).sort((a, b) => a.seq - b.seq);
    const first = fresh[0];
    if (!first) return;
    if (first.seq !== s.state.seq + 1 || fresh.some((e, i) => e.seq !== first.seq + i)) return hub.catchUp(s);
    hub.applyRelayed(s, fresh);
    then(fresh);
  });
}

/** An event as the relay carries it: a positive whole seq, a type and a time (its body is the reducer's to judge). */
function wellFormed(e: unknown): e is SessionEvent {
  if (typeof e !== 'object' || e === null) return false;
  const { seq, type, at } = e as Record<string, unknown>;
  return Number.isSafeInteger(seq) && (seq as number) > 0 && typeof type === 'string' && typeof at === 'number';
}

/**
 * Every session this process holds, brought up to the store after this process did not hear the others for a while
 * (Redis lost, then back): the events it missed go to its screens (`SessionHub.onCaughtUp`), and a session deleted
 * meanwhile is let go of as if its deletion had been heard. One read per held session, only then.
 */
export function catchUpHeld(hub: SessionHub, log: (line: string) => void): Promise<void> {
  const one = (s: LiveSession): Promise<void> =>
    hub
      .exclusive(s, async () => {
        if (s.deleted) return;
        if (!(await hub.stored(s))) return hub.dropDeleted(s.record.id);
        await hub.catchUp(s);
      })
      .catch((e: unknown) => log(`session ${s.record.id}: not read again after Redis was back (${e instanceof Error ? e.message : String(e)})`));
  return Promise.all(hub.heldSessions().map(one)).then(() => undefined);
}
