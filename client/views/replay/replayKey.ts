/**
 * How a replay tab gets the session's facilitator key without it ever being in an address (where it could be copied,
 * shared, or kept in history): the console opens the replay tab and hands the key over by postMessage, on this
 * origin only; the tab keeps it in its own sessionStorage (a reload keeps it, closing the tab forgets it). On a
 * machine without the console (the projector), the replay page takes the console link pasted into a password field.
 */
const KEY_STORE = 'replay.key.';
const ASK = 'replay.key.ask';
const GIVE = 'replay.key.give';
/** How long a replay tab waits for the console that opened it to answer. */
const ASK_MS = 5_000;
/** How long the console keeps answering a replay tab it opened (it answers once). */
const ANSWER_MS = 60_000;

const sameOrigin = (e: MessageEvent): boolean => e.origin === window.location.origin;
const isMessage = (data: unknown, type: string, sessionId: string): data is { type: string; sessionId: string; key?: unknown } =>
  typeof data === 'object' && data !== null && (data as { type?: unknown }).type === type && (data as { sessionId?: unknown }).sessionId === sessionId;

export function storedReplayKey(sessionId: string): string | null {
  try {
    return sessionStorage.getItem(KEY_STORE + sessionId);
  } catch {
    return null;
  }
}

export function keepReplayKey(sessionId: string, key: string): void {
  try {
    sessionStorage.setItem(KEY_STORE + sessionId, key);
  } catch {
    // Storage off: the key lives as long as the page.
  }
}

/** The console: opens the replay in a new tab and answers its request for the key. False when the tab was blocked. */
export function openReplay(sessionId: string, key: string): boolean {
  const tab = window.open(`/replay/${encodeURIComponent(sessionId)}`, '_blank');
  if (!tab) return false;
  const answer = (e: MessageEvent) => {
    if (e.source !== tab || !sameOrigin(e) || !isMessage(e.data, ASK, sessionId)) return;
    tab.postMessage({ type: GIVE, sessionId, key }, window.location.origin);
    stop();
  };
  const timer = window.setTimeout(() => stop(), ANSWER_MS);
  const stop = () => {
    window.removeEventListener('message', answer);
    window.clearTimeout(timer);
  };
  window.addEventListener('message', answer);
  return true;
}

/** The replay tab: asks the console that opened it for the key; null when there is none or it does not answer. */
export function keyFromOpener(sessionId: string): Promise<string | null> {
  const opener = window.opener as Window | null;
  if (!opener) return Promise.resolve(null);
  return new Promise((resolve) => {
    const done = (key: string | null) => {
      window.removeEventListener('message', take);
      window.clearTimeout(timer);
      resolve(key);
    };
    const take = (e: MessageEvent) => {
      if (e.source === opener && sameOrigin(e) && isMessage(e.data, GIVE, sessionId) && typeof e.data.key === 'string') done(e.data.key);
    };
    const timer = window.setTimeout(() => done(null), ASK_MS);
    window.addEventListener('message', take);
    opener.postMessage({ type: ASK, sessionId }, window.location.origin);
  });
}

/** The key in a pasted console link of this session (`/facilitate/<id>#key=...`), or why it is not one. */
export function keyFromConsoleLink(text: string, sessionId: string): { key: string } | { error: string } {
  let url: URL;
  try {
    url = new URL(text.trim(), window.location.origin);
  } catch {
    return { error: 'That is not a link. Copy the whole address of the facilitator’s console and paste it here.' };
  }
  const key = new URLSearchParams(url.hash.slice(1)).get('key');
  const [head, id] = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (head !== 'facilitate' || !key) return { error: 'That is not a console link: it starts with /facilitate/ and ends with #key=…' };
  if (id !== sessionId) return { error: 'That is the console link of another session. Paste the link of the session this replay shows.' };
  return { key };
}
