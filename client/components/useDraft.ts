import { useCallback, useState } from 'react';
import { useSession } from '../store.js';

const draftKey = (sessionId: string, field: string) => `ft:draft:${sessionId}:${field}`;

function read(key: string | null): string {
  if (!key) return '';
  try {
    return window.localStorage.getItem(key) ?? '';
  } catch {
    return '';
  }
}

/**
 * A text field's value that survives a page refresh: kept in localStorage per session and field, and cleared when
 * the field is emptied (after sending). `field` null keeps it in memory only.
 */
export function useDraft(field: string | null): [string, (text: string) => void] {
  const sessionId = useSession((s) => s.sessionId);
  const key = sessionId && field ? draftKey(sessionId, field) : null;
  const [text, setText] = useState(() => read(key));
  const [loadedFor, setLoadedFor] = useState(key);
  if (loadedFor !== key) {
    // The session became known after the first render (or the field changed): pick up its draft.
    setLoadedFor(key);
    setText(read(key));
  }
  const update = useCallback(
    (next: string) => {
      setText(next);
      if (!key) return;
      try {
        if (next) window.localStorage.setItem(key, next);
        else window.localStorage.removeItem(key);
      } catch {
        // A full or blocked storage only loses the refresh-safety, not the typing.
      }
    },
    [key],
  );
  return [text, update];
}

/** Whether a draft is stored for this field (an editor reopens itself on it after a refresh). */
export function hasDraft(sessionId: string | null, field: string): boolean {
  return !!sessionId && read(draftKey(sessionId, field)) !== '';
}
