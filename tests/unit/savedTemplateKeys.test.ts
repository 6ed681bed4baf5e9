import { describe, expect, it } from 'vitest';
import { forgetSavedTemplates, rememberSavedTemplate, savedTemplateKeys } from '../../client/views/landing/savedTemplateKeys.js';
import { goneSentence } from '../../client/views/landing/YourTemplates.js';
import { savedSourceOf } from '../../server/savedTemplates.js';

const storage = (initial: Record<string, string> = {}) => {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
};
const entry = (n: number) => ({ id: `t${n}`, title: `Day ${n}`, key: `k${n}` });

describe('the saved templates this browser holds keys for', () => {
  it('keeps the newest first, once each, and forgets the ones named', () => {
    const s = storage();
    for (let n = 0; n < 4; n++) expect(rememberSavedTemplate(entry(n), s)).toBe(true);
    rememberSavedTemplate({ ...entry(1), title: 'Day 1, again' }, s);
    expect(savedTemplateKeys(s).map((e) => e.title)).toEqual(['Day 1, again', 'Day 3', 'Day 2', 'Day 0']);
    expect(forgetSavedTemplates(['t3', 't0'], s).map((e) => e.id)).toEqual(['t1', 't2']);
    expect(savedTemplateKeys(s).map((e) => e.id)).toEqual(['t1', 't2']);
  });

  it('reads a broken value as an empty list, leaves out entries of the wrong shape, and says when it could not keep a key', () => {
    expect(savedTemplateKeys(storage({ 'toolkit.savedTemplates': '{not json' }))).toEqual([]);
    const mixed = JSON.stringify([entry(1), { id: 2, title: 'x', key: 'y' }, null, { id: 'a', title: 'b' }]);
    expect(savedTemplateKeys(storage({ 'toolkit.savedTemplates': mixed }))).toEqual([entry(1)]);
    const full = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(rememberSavedTemplate(entry(1), full)).toBe(false);
  });

  it('says which saved templates were gone from the server, one or several', () => {
    expect(goneSentence(['Our day'])).toBe('“Our day” is no longer on the server (deleted, or unused for a long time), so it was taken off this list.');
    expect(goneSentence(['A', 'B'])).toBe('2 saved templates are no longer on the server (deleted, or unused for a long time), so they were taken off this list: “A”, “B”.');
  });
});

describe('the source a saved template names', () => {
  const at = Date.UTC(2026, 10, 26, 23, 30);
  it('is the template’s source and the day it was edited, said once, within the 200 characters a file allows', () => {
    expect(savedSourceOf(undefined, at)).toBe('Our own agenda, saved from a session on November 26, 2026');
    expect(savedSourceOf({ title: 'PIP', source: 'seed 003: guide' }, at)).toBe('seed 003: guide; edited in a session on November 26, 2026');
    expect(savedSourceOf({ title: 'PIP', source: 'seed 003: guide; edited in a session on May 1, 2026' }, at)).toBe(
      'seed 003: guide; edited in a session on November 26, 2026',
    );
    expect(savedSourceOf({ title: 'Our day' }, at)).toBe('From the template “Our day”; edited in a session on November 26, 2026');
    const long = savedSourceOf({ title: 'x', source: `seed 002: ${'y'.repeat(195)}` }, at);
    expect(long).toHaveLength(200);
    expect(long).toMatch(/^seed 002: y+…; edited in a session on November 26, 2026$/);
  });
});
