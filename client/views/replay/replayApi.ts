import type { ReplayLog, ReplayView } from '../../../shared/replay/replay.wire.js';

/** A refusal: the server's sentence, and whether the key no longer opens the session (deleted since, or never right). */
export interface ReplayRefusal {
  error: string;
  closed?: boolean;
}

/** The session's log shaped for one view (after `after`, when following), or the server's refusal in its own words. */
export async function loadReplay(sessionId: string, key: string, view: ReplayView, after?: number): Promise<ReplayLog | ReplayRefusal> {
  try {
    const since = after === undefined ? '' : `&after=${after}`;
    const res = await fetch(`/api/sessions/${encodeURIComponent(sessionId)}/replay?view=${view}${since}`, {
      headers: { authorization: `Bearer ${key}` },
      cache: 'no-store',
    });
    const body = (await res.json()) as ReplayLog | { error?: string };
    if (res.ok && 'events' in body) return body;
    const error = 'error' in body && body.error ? body.error : 'The replay could not be loaded. Try again in a moment.';
    return res.status === 403 ? { error, closed: true } : { error };
  } catch {
    return { error: 'The replay could not be loaded: the server did not answer. Check the connection and try again.' };
  }
}
