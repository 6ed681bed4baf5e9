/** The sessions this browser ran as facilitator, newest first: what a new session can import carried items from. */
export interface RecentSession {
  sessionId: string;
  facilitatorKey: string;
  title: string;
  createdAt: number;
}

const KEY = 'toolkit.facilitatedSessions';
const KEEP = 20;

function isRecent(v: unknown): v is RecentSession {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return typeof r.sessionId === 'string' && typeof r.facilitatorKey === 'string' && typeof r.title === 'string' && typeof r.createdAt === 'number';
}

/** The list as stored; anything unreadable in it is left out. */
export function recentSessions(storage: Pick<Storage, 'getItem'> = window.localStorage): RecentSession[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isRecent) : [];
  } catch {
    return [];
  }
}

/** Puts a session first (once), keeping the newest few. */
export function rememberSession(entry: RecentSession, storage: Pick<Storage, 'getItem' | 'setItem'> = window.localStorage): void {
  const rest = recentSessions(storage).filter((r) => r.sessionId !== entry.sessionId);
  try {
    storage.setItem(KEY, JSON.stringify([entry, ...rest].slice(0, KEEP)));
  } catch {
    // A full or blocked storage only loses the list: importing by code still works.
  }
}
