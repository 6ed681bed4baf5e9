/**
 * An immutable map kept as a trie of small arrays (three levels of 16 slots) with short arrays of [id, value]
 * entries at the leaves, so that changing one entry copies three 16-slot arrays and one leaf of a few entries
 * instead of the whole collection. A session's notes run into thousands and every screen and the server apply
 * each note as it comes: a plain object spread per note made that O(notes) per note, and objects keyed by random
 * ids make the JavaScript engine build a new hidden class per key set. Plain JSON, so snapshots and the wire carry
 * it as is.
 */
type Leaf<V> = ReadonlyArray<readonly [string, V]>;
type Level<V> = ReadonlyArray<Level<V> | Leaf<V> | null>;
export type Keyed<V> = Level<V>;

const BITS = 4;
const SLOTS = 1 << BITS;
const DEPTH = 3;

function slotsOf(id: string): number[] {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) | 0;
  const out: number[] = [];
  for (let d = 0; d < DEPTH; d++) out.push((h >>> (d * BITS)) & (SLOTS - 1));
  return out;
}

export const emptyKeyed = <V>(): Keyed<V> => [];

function leafOf<V>(m: Keyed<V>, path: number[]): Leaf<V> | undefined {
  let node: Level<V> | Leaf<V> | null | undefined = m;
  for (const slot of path) node = (node as Level<V> | undefined)?.[slot];
  return (node ?? undefined) as Leaf<V> | undefined;
}

/** Returns a copy of the trie with the leaf at `path` replaced by what `change` makes of it. */
function withLeaf<V>(m: Keyed<V>, path: number[], change: (leaf: Leaf<V>) => Leaf<V>, depth = 0): Keyed<V> {
  const level: (Level<V> | Leaf<V> | null)[] = m.length ? [...m] : new Array<null>(SLOTS).fill(null);
  const slot = path[depth]!;
  const child = level[slot];
  level[slot] = depth === DEPTH - 1 ? change((child as Leaf<V> | null) ?? []) : withLeaf((child as Level<V> | null) ?? [], path, change, depth + 1);
  return level;
}

export function keyedGet<V>(m: Keyed<V>, id: string): V | undefined {
  const leaf = leafOf(m, slotsOf(id));
  if (!leaf) return undefined;
  for (const [k, v] of leaf) if (k === id) return v;
  return undefined;
}

export function keyedSet<V>(m: Keyed<V>, id: string, value: V): Keyed<V> {
  return withLeaf(m, slotsOf(id), (leaf) => {
    const at = leaf.findIndex(([k]) => k === id);
    return at < 0 ? [...leaf, [id, value]] : leaf.map((entry, i) => (i === at ? ([id, value] as const) : entry));
  });
}

export function keyedDelete<V>(m: Keyed<V>, id: string): Keyed<V> {
  const path = slotsOf(id);
  if (!leafOf(m, path)?.some(([k]) => k === id)) return m;
  return withLeaf(m, path, (leaf) => leaf.filter(([k]) => k !== id));
}

export function keyedValues<V>(m: Keyed<V>): V[] {
  const out: V[] = [];
  const walk = (node: Level<V> | Leaf<V>, depth: number): void => {
    if (depth === DEPTH) for (const [, v] of node as Leaf<V>) out.push(v);
    else for (const child of node as Level<V>) if (child) walk(child, depth + 1);
  };
  walk(m, 0);
  return out;
}

export const keyedSize = <V>(m: Keyed<V>): number => keyedValues(m).length;
