import { describe, expect, it } from 'vitest';
import { emptyKeyed, keyedDelete, keyedGet, keyedSet, keyedSize, keyedValues, type Keyed } from '../../shared/session/keyed.js';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `note-${i.toString(36)}-${(i * 7919).toString(36)}`);
const fill = (list: string[]): Keyed<string> => list.reduce((m, id) => keyedSet(m, id, `text of ${id}`), emptyKeyed<string>());

/** Every level of the trie and every leaf, to check its shape. */
function shape(m: Keyed<string>) {
  const levels: unknown[][] = [];
  const leaves: unknown[][] = [];
  const walk = (node: unknown[], depth: number) => {
    if (depth === 3) return void leaves.push(node);
    levels.push(node);
    for (const child of Array.from(node)) if (child) walk(child as unknown[], depth + 1);
  };
  walk(m as unknown[], 0);
  return { levels, leaves };
}

describe('the notes map a session keeps', () => {
  it('finds, replaces and removes each of thousands of notes', () => {
    const list = ids(3000);
    let m = fill(list);
    expect(keyedSize(m)).toBe(3000);
    expect(list.every((id) => keyedGet(m, id) === `text of ${id}`)).toBe(true);
    for (const id of list.slice(0, 1000)) m = keyedSet(m, id, 'edited');
    expect(keyedSize(m)).toBe(3000);
    expect(list.slice(0, 1000).every((id) => keyedGet(m, id) === 'edited')).toBe(true);
    for (const id of list.slice(1000, 2000)) m = keyedDelete(m, id);
    expect(keyedSize(m)).toBe(2000);
    expect(list.slice(1000, 2000).some((id) => keyedGet(m, id) !== undefined)).toBe(false);
    expect(keyedGet(m, list[2500]!)).toBe(`text of ${list[2500]}`);
    expect(keyedValues(m).sort()).toEqual([...Array(1000).fill('edited'), ...list.slice(2000).map((id) => `text of ${id}`)].sort());
  });

  it('keeps ids that land in the same leaf apart, whichever is changed', () => {
    // Ids of one character land in distinct slots; the same id twice must stay one entry.
    let m = keyedSet(keyedSet(emptyKeyed<number>(), 'a', 1), 'b', 2);
    m = keyedSet(m, 'a', 10);
    expect(keyedValues(m).sort((x, y) => x - y)).toEqual([2, 10]);
    const many = ids(5000);
    const sameLeaf = shape(fill(many)).leaves.find((leaf) => leaf.length >= 2) as [string, string][];
    const [first, second] = sameLeaf.map(([k]) => k) as [string, string];
    let n = keyedSet(keyedSet(emptyKeyed<string>(), first, 'one'), second, 'two');
    n = keyedSet(n, first, 'ONE');
    expect([keyedGet(n, first), keyedGet(n, second), keyedSize(n)]).toEqual(['ONE', 'two', 2]);
    n = keyedDelete(n, first);
    expect([keyedGet(n, first), keyedGet(n, second), keyedSize(n)]).toEqual([undefined, 'two', 1]);
  });

  it('spreads notes over many small leaves, so one change copies little', () => {
    const { levels, leaves } = shape(fill(ids(4096)));
    for (const level of levels) expect(level).toHaveLength(16);
    expect(leaves.length).toBeGreaterThan(2000);
    expect(Math.max(...leaves.map((l) => l.length))).toBeLessThanOrEqual(12);
  });

  it('is plain JSON: a snapshot survives the wire and the database unchanged', () => {
    const m = fill(ids(50));
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
    const back = JSON.parse(JSON.stringify(m)) as Keyed<string>;
    expect(keyedGet(back, ids(50)[7]!)).toBe(`text of ${ids(50)[7]}`);
  });

  it('deleting a note that is not there changes nothing, so no screen redraws', () => {
    const m = fill(ids(20));
    expect(keyedDelete(m, 'never-posted')).toBe(m);
    // Also when the id's leaf holds other notes.
    const crowded = fill(ids(5000));
    for (let i = 0; i < 50; i++) expect(keyedDelete(crowded, `never-posted-${i}`)).toBe(crowded);
    expect(keyedDelete(emptyKeyed<string>(), 'never-posted')).toEqual([]);
    expect(keyedGet(emptyKeyed<string>(), 'never-posted')).toBeUndefined();
    expect(keyedGet(m, 'never-posted')).toBeUndefined();
  });
});
