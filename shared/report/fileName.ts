/**
 * Report file names: "Data retreat 2026-11-25.pdf", "Data retreat 2026-11-25 - SWOT analysis.pdf" for one item,
 * with the group's name after the item's for a group. Safe on Windows, macOS and Linux; the HTTP header carries an
 * ASCII fallback and the exact name (RFC 6266 / RFC 5987).
 */
import { kindOf, kinds } from '../modules/registry.js';
import type { SessionState } from '../session/state.js';
import { isoDate } from './format.js';
import type { ReportScope } from './model.js';

/** Windows refuses these names whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const MAX_BASE = 120;

/** A name part without what a file system refuses: control characters, / \ : * ? " < > |, leading/trailing dots. */
export function safeName(text: string): string {
  const cleaned = text
    .normalize('NFC')
    .replace(/[\p{Cc}<>:"/\\|?*]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[. ]+|[. ]+$/g, '');
  return RESERVED.test(cleaned) ? `${cleaned}_` : cleaned;
}

/** Cuts at a code point, not inside a surrogate pair. */
const cut = (text: string, max: number): string => [...text].slice(0, max).join('').trim();

export function reportFileName(state: SessionState, scope: ReportScope, ext: string, timeZone?: string): string {
  // A rehearsal's files say so in their names, whatever their format.
  const parts = [`${state.rehearsal ? 'Rehearsal - ' : ''}${safeName(state.title) || 'Session'} ${isoDate(state.createdAt, timeZone)}`];
  if (scope.kind !== 'session') {
    const item = state.agenda.find((i) => i.id === scope.itemId);
    if (item) parts.push(safeName(item.title));
    const group = scope.kind === 'group' && item ? (kindOf(item.moduleType).groupTitle?.(state, item, scope.groupId, kinds) ?? null) : null;
    if (group) parts.push(safeName(group));
  }
  const base = cut(parts.filter(Boolean).join(' - '), MAX_BASE);
  const extension = ext.replace(/[^A-Za-z0-9]/g, '');
  return extension ? `${base}.${extension}` : base;
}

/** The name in plain ASCII for the header's `filename=`: accents dropped ("José" -> "Jose"), the rest replaced by _. */
export function asciiFileName(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\x20-\x7e]|["\\]/g, '_')
  );
}

/** RFC 5987 encoding: UTF-8 percent-encoded, with ' ( ) * encoded too (encodeURIComponent leaves them). */
const rfc5987 = (text: string): string => encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** A Content-Disposition header value that downloads the file under its name in every browser. */
export function contentDisposition(name: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  return `${disposition}; filename="${asciiFileName(name)}"; filename*=UTF-8''${rfc5987(name)}`;
}
