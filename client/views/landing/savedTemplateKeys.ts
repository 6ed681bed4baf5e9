/**
 * The saved templates this browser holds keys for, newest first. A saved template is private: its key, handed out
 * once when it was saved, lives only here (and in the owner's downloads of it).
 */
export interface SavedTemplateKey {
  id: string;
  title: string;
  key: string;
}

const KEY = 'toolkit.savedTemplates';
/** As many as the server keeps at most (MAX_SAVED_TEMPLATES), so no live one is ever pushed out. */
const KEEP = 200;

type Read = Pick<Storage, 'getItem'>;
type ReadWrite = Pick<Storage, 'getItem' | 'setItem'>;

function isEntry(v: unknown): v is SavedTemplateKey {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return typeof r.id === 'string' && typeof r.title === 'string' && typeof r.key === 'string';
}

/** The list as stored; anything unreadable in it is left out. */
export function savedTemplateKeys(storage: Read = window.localStorage): SavedTemplateKey[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isEntry) : [];
  } catch {
    return [];
  }
}

function write(list: SavedTemplateKey[], storage: ReadWrite): boolean {
  try {
    storage.setItem(KEY, JSON.stringify(list.slice(0, KEEP)));
    return true;
  } catch {
    return false;
  }
}

/** Puts a just-saved template first; false when the browser's storage refused it (the caller says so). */
export function rememberSavedTemplate(entry: SavedTemplateKey, storage: ReadWrite = window.localStorage): boolean {
  return write([entry, ...savedTemplateKeys(storage).filter((e) => e.id !== entry.id)], storage);
}

/** Takes these templates off the list (deleted, or gone from the server). */
export function forgetSavedTemplates(ids: readonly string[], storage: ReadWrite = window.localStorage): SavedTemplateKey[] {
  const rest = savedTemplateKeys(storage).filter((e) => !ids.includes(e.id));
  write(rest, storage);
  return rest;
}
