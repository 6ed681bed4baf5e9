/**
 * Records keyed by ids, made safe against ids that are the names of built-in object members ("constructor",
 * "toString", "__proto__"...). Ids come from clients (note ids are command ids, group and item ids are sent back by
 * phones), and `rec[id]` on a plain object finds `Object.prototype` members: a group id "constructor" used to find a
 * function and pass for an existing group. Every read goes through `dictGet` (own properties only) and every write
 * builds a null-prototype object, so nothing inherited can be found or overwritten. State still travels as plain JSON:
 * a record parsed from the wire or a snapshot has the usual prototype, which `dictGet` ignores.
 */
export type Dict<V> = Readonly<Record<string, V>>;

const hasOwn = (d: object, key: string): boolean => Object.prototype.hasOwnProperty.call(d, key);

/** A new empty record with no prototype. */
export const emptyDict = <V>(): Dict<V> => Object.create(null) as Dict<V>;

/** A null-prototype copy of a record (or of its entries). */
export function toDict<V>(from: Dict<V> | Iterable<readonly [string, V]> | null | undefined): Dict<V> {
  const out = Object.create(null) as Record<string, V>;
  if (!from) return out;
  const entries = Symbol.iterator in from ? from : Object.entries(from);
  for (const [k, v] of entries as Iterable<readonly [string, V]>) out[k] = v;
  return out;
}

/** The value stored under `key` itself, never one inherited from `Object.prototype`. */
export function dictGet<V>(d: Dict<V> | null | undefined, key: string): V | undefined {
  return d && hasOwn(d, key) ? d[key] : undefined;
}

export const dictHas = <V>(d: Dict<V> | null | undefined, key: string): boolean => !!d && hasOwn(d, key);

/** A copy with `key` set to `value`. */
export function dictSet<V>(d: Dict<V> | null | undefined, key: string, value: V): Dict<V> {
  const out = toDict(d) as Record<string, V>;
  out[key] = value;
  return out;
}

/** A copy without `key` (the same record if it has no such key). */
export function dictWithout<V>(d: Dict<V>, key: string): Dict<V> {
  if (!hasOwn(d, key)) return d;
  const out = toDict(d) as Record<string, V>;
  delete out[key];
  return out;
}

/** A copy with the value under `key` replaced by what `change` makes of it (or of `fallback` when missing). */
export const dictUpdate = <V>(d: Dict<V> | null | undefined, key: string, fallback: () => V, change: (v: V) => V): Dict<V> =>
  dictSet(d, key, change(dictGet(d, key) ?? fallback()));

/** Every value of a record changed by `change` (a null-prototype copy). */
export const mapDict = <V>(d: Dict<V>, change: (v: V) => V): Dict<V> => toDict(Object.entries(d).map(([k, v]) => [k, change(v)] as const));
