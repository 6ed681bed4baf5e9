/**
 * An immutable map kept as a two-level trie of arrays (64 x 64) with small arrays of [id, value] entries at the
 * leaves, so that changing one entry copies two 64-slot arrays and one leaf of a few entries instead of the whole
 * collection. A session's notes run into thousands and every screen and the server apply each note as it comes:
 * a plain object spread per note made that O(notes) per note, and objects keyed by random ids make the JavaScript
 * engine build a new hidden class per key set. It is plain JSON, so snapshots and the wire carry it as is.
 */
export type Keyed<V> = ReadonlyArray<ReadonlyArray<ReadonlyArray<readonly [string, V]> | null> | null>;

const FANOUT = 64;

function hashOf(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) | 0;
  return h >>> 0;
}
const slots = (id: string): [number, number] => {
  const h = hashOf(id);
  return [h % FANOUT, Math.floor(h / FANOUT) % FANOUT];
};
const emptyLevel = <T>(): (T | null)[] => new Array<T | null>(FANOUT).fill(null);

export const emptyKeyed = <V>(): Keyed<V> => [];

export function keyedGet<V>(m: Keyed<V>, id: string): V | undefined {
  const [a, b] = slots(id);
  const leaf = m[a]?.[b];
  if (!leaf) return undefined;
  for (const [k, v] of leaf) if (k === id) return v;
  return undefined;
}

export function keyedSet<V>(m: Keyed<V>, id: string, value: V): Keyed<V> {
  const [a, b] = slots(id);
  const top = m.length ? [...m] : emptyLevel<ReadonlyArray<ReadonlyArray<readonly [string, V]> | null>>();
  const mid = top[a] ? [...top[a]] : emptyLevel<ReadonlyArray<readonly [string, V]>>();
  const leaf = mid[b] ?? [];
  const at = leaf.findIndex(([k]) => k === id);
  mid[b] = at < 0 ? [...leaf, [id, value]] : leaf.map((entry, i) => (i === at ? ([id, value] as const) : entry));
  top[a] = mid;
  return top;
}

export function keyedDelete<V>(m: Keyed<V>, id: string): Keyed<V> {
  const [a, b] = slots(id);
  const leaf = m[a]?.[b];
  if (!leaf?.some(([k]) => k === id)) return m;
  const top = [...m];
  const mid = [...(top[a] ?? emptyLevel())];
  mid[b] = leaf.filter(([k]) => k !== id);
  top[a] = mid;
  return top;
}

export function keyedValues<V>(m: Keyed<V>): V[] {
  const out: V[] = [];
  for (const mid of m) if (mid) for (const leaf of mid) if (leaf) for (const [, v] of leaf) out.push(v);
  return out;
}

export const keyedSize = <V>(m: Keyed<V>): number => keyedValues(m).length;
