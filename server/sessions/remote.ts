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
  events: SessionEvent[],
  then: (applied: SessionEvent[]) => void,
): Promise<void> {
  const s = hub.held(sessionId);
  if (!s) return Promise.resolve();
  return hub.exclusive(s, async () => {
    if (s.deleted) return;
    const fresh = events.filter((e) => e.seq > s.state.seq).sort((a, b) => a.seq - b.seq);
    const first = fresh[0];
    if (!first) return;
    if (first.seq !== s.state.seq + 1) return hub.catchUp(s);
    hub.applyRelayed(s, fresh);
    then(fresh);
  });
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
