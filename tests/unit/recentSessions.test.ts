import { describe, expect, it } from 'vitest';
import { recentSessions, rememberSession, type RecentSession } from '../../client/modules/carry/recentSessions.js';

const storage = (initial: Record<string, string> = {}) => {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
};
const entry = (n: number): RecentSession => ({ sessionId: `s${n}`, facilitatorKey: `k${n}`, title: `Day ${n}`, createdAt: n });

describe('the sessions this browser ran', () => {
  it('keeps the newest first, once each, at most twenty', () => {
    const s = storage();
    for (let n = 0; n < 25; n++) rememberSession(entry(n), s);
    rememberSession({ ...entry(10), title: 'Day 10, renamed' }, s);
    const list = recentSessions(s);
    expect(list).toHaveLength(20);
    expect(list[0]).toEqual({ ...entry(10), title: 'Day 10, renamed' });
    expect(list.filter((r) => r.sessionId === 's10')).toHaveLength(1);
    expect(list[1]?.sessionId).toBe('s24');
  });

  it('reads a broken or foreign value as an empty list, and leaves out entries of the wrong shape', () => {
    expect(recentSessions(storage({ 'toolkit.facilitatedSessions': '{not json' }))).toEqual([]);
    expect(recentSessions(storage({ 'toolkit.facilitatedSessions': '{"a":1}' }))).toEqual([]);
    const mixed = JSON.stringify([entry(1), { sessionId: 2 }, null, 'x', { ...entry(3), createdAt: '3' }]);
    expect(recentSessions(storage({ 'toolkit.facilitatedSessions': mixed }))).toEqual([entry(1)]);
  });

  it('loses only the list when the storage refuses to write', () => {
    const full = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(() => rememberSession(entry(1), full)).not.toThrow();
  });
});
