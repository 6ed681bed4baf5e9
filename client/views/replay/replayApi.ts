import type { ReplayLog, ReplayView } from '../../../shared/replay/replay.wire.js';

const KEY_STORE = 'replay.key.';

/**
 * The facilitator key of this replay, as the console takes it: from the link's `#key=` (never sent to the server in
 * an address, never logged). It is then kept for this tab only and the address loses its key, so a trainer who copies
 * the address of a replay on the projector shares no key.
 */
export function takeReplayKey(sessionId: string): string | null {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('key');
  if (fromHash) {
    sessionStorage.setItem(KEY_STORE + sessionId, fromHash);
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromHash;
  }
  return sessionStorage.getItem(KEY_STORE + sessionId);
}

/** The session's log shaped for one view, or the server's refusal in its own words. */
export async function loadReplay(sessionId: string, key: string, view: ReplayView): Promise<ReplayLog | { error: string }> {
  try {
    const res = await fetch(`/api/sessions/${encodeURIComponent(sessionId)}/replay?view=${view}`, {
      headers: { authorization: `Bearer ${key}` },
      cache: 'no-store',
    });
    const body = (await res.json()) as ReplayLog | { error?: string };
    if (res.ok && 'events' in body) return body;
    return { error: 'error' in body && body.error ? body.error : 'The replay could not be loaded. Try again in a moment.' };
  } catch {
    return { error: 'The replay could not be loaded: the server did not answer. Check the connection and try again.' };
  }
}
