import { create } from 'zustand';
import { SCALE_MAX, SCALE_MIN, type Scale } from '../../../shared/modules/values/values.state.js';
import { sendCommand, useSession } from '../../store.js';

/**
 * A rating the server refused (the survey closed before it arrived): kept on this phone only, beside its drafts, with
 * the reason, so it can be sent again if the survey reopens. Never kept on the server: that would tie a rating to a person.
 */
export interface NotCounted {
  valueId: string;
  scale: Scale;
  score: number;
  reason: string;
}

const storageKey = (sessionId: string, itemId: string) => `ft:values-not-counted:${sessionId}:${itemId}`;
const useLists = create<Record<string, NotCounted[]>>(() => ({}));

const isNotCounted = (x: unknown): x is NotCounted => {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as Record<string, unknown>;
  return (
    typeof o.valueId === 'string' &&
    (o.scale === 'importance' || o.scale === 'practice') &&
    typeof o.score === 'number' &&
    o.score >= SCALE_MIN &&
    o.score <= SCALE_MAX &&
    typeof o.reason === 'string'
  );
};

function load(key: string): NotCounted[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isNotCounted) : [];
  } catch {
    return [];
  }
}

function save(key: string, list: NotCounted[]): void {
  useLists.setState({ [key]: list });
  try {
    if (list.length) window.localStorage.setItem(key, JSON.stringify(list));
    else window.localStorage.removeItem(key);
  } catch {
    // A full or blocked storage keeps the list for this page only.
  }
}

const EMPTY: NotCounted[] = [];
const sameSlot = (a: Pick<NotCounted, 'valueId' | 'scale'>, b: Pick<NotCounted, 'valueId' | 'scale'>) => a.valueId === b.valueId && a.scale === b.scale;

/** This phone's not-counted ratings of one survey, and the rating that keeps one when it is refused. */
export function useRating(itemId: string) {
  const sessionId = useSession((s) => s.sessionId) ?? '';
  const key = storageKey(sessionId, itemId);
  const stored = useLists((s) => s[key]);
  const list = stored ?? (sessionId ? load(key) : EMPTY);
  const current = () => useLists.getState()[key] ?? load(key);
  const drop = (slot: Pick<NotCounted, 'valueId' | 'scale'>) => save(key, current().filter((n) => !sameSlot(n, slot)));
  /** Sends a rating (score null withdraws it); a refused score stays here with the reason, a counted one clears it. */
  const rate = async (valueId: string, scale: Scale, score: number | null) => {
    const res = await sendCommand({ type: 'values.rate', payload: { itemId, valueId, scale, score } });
    if (res.ok) drop({ valueId, scale });
    else if (score !== null) save(key, [...current().filter((n) => !sameSlot(n, { valueId, scale })), { valueId, scale, score, reason: res.error.message }]);
  };
  return { notCounted: list, rate, drop };
}
