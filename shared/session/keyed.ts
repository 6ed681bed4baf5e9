/**
 * An immutable map split into a two-level trie of small buckets (64 x 64), so that changing one entry copies two
 * small index objects and one bucket of a few entries instead of the whole collection. A session's notes run into
 * thousands, and every screen and the server apply each note as it comes; a plain object spread per note made that
 * O(notes) per note. It is plain JSON, so snapshots and the wire carry it as is.
 */
export type Keyed<V> = { readonly [b1: string]: { readonly [b2: string]: { readonly [id: string]: V } } };

const FANOUT = 64;

function hashOf(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) | 0;
  return h >>> 0;
}
const path = (id: string): [string, string] => {
  const h = hashOf(id);
  return [String(h % FANOUT), String(Math.floor(h / FANOUT) % FANOUT)];
};

export const emptyKeyed = <V>(): Keyed<V> => ({});

export function keyedGet<V>(m: Keyed<V>, id: string): V | undefined {
  const [a, b] = path(id);
  return m[a]?.[b]?.[id];
}

export function keyedSet<V>(m: Keyed<V>, id: string, value: V): Keyed<V> {
  const [a, b] = path(id);
  const mid = m[a];
  return { ...m, [a]: { ...mid, [b]: { ...mid?.[b], [id]: value } } };
}

export function keyedDelete<V>(m: Keyed<V>, id: string): Keyed<V> {
  const [a, b] = path(id);
  const mid = m[a];
  const leaf = mid?.[b];
  if (!mid || !leaf || !(id in leaf)) return m;
  const { [id]: _gone, ...rest } = leaf;
  return { ...m, [a]: { ...mid, [b]: rest } };
}

export function keyedValues<V>(m: Keyed<V>): V[] {
  const out: V[] = [];
  for (const mid of Object.values(m)) for (const leaf of Object.values(mid)) for (const v of Object.values(leaf)) out.push(v);
  return out;
}

export const keyedSize = <V>(m: Keyed<V>): number => keyedValues(m).length;
