/**
 * An immutable map split into buckets, so that changing one entry copies one small bucket instead of the whole
 * collection. A session's notes can run into thousands; a plain object spread per note made every note O(n) on the
 * server and on every screen. It is plain JSON, so snapshots and the wire carry it as is.
 */
export type Keyed<V> = { readonly [bucket: string]: { readonly [id: string]: V } };

const BUCKETS = 64;

function bucketOf(id: string): string {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) | 0;
  return String((h >>> 0) % BUCKETS);
}

export const emptyKeyed = <V>(): Keyed<V> => ({});

export function keyedGet<V>(m: Keyed<V>, id: string): V | undefined {
  return m[bucketOf(id)]?.[id];
}

export function keyedSet<V>(m: Keyed<V>, id: string, value: V): Keyed<V> {
  const b = bucketOf(id);
  return { ...m, [b]: { ...m[b], [id]: value } };
}

export function keyedDelete<V>(m: Keyed<V>, id: string): Keyed<V> {
  const b = bucketOf(id);
  const bucket = m[b];
  if (!bucket || !(id in bucket)) return m;
  const { [id]: _gone, ...rest } = bucket;
  return { ...m, [b]: rest };
}

export function keyedValues<V>(m: Keyed<V>): V[] {
  const out: V[] = [];
  for (const bucket of Object.values(m)) for (const v of Object.values(bucket)) out.push(v);
  return out;
}

export const keyedSize = <V>(m: Keyed<V>): number =>
  Object.values(m).reduce((n, bucket) => n + Object.keys(bucket).length, 0);
