import { customAlphabet } from 'nanoid';
import type { AgendaTemplate, SavedTemplateSummary } from '../shared/protocol/agenda.schema.js';
import { protocol } from '../shared/modules/registry.js';
import type { AgendaItem, TemplateOrigin } from '../shared/session/state.js';
import { hashSecret, matchesHash, newSecret } from './secrets.js';
import type { AsyncEventStore } from './store/asyncTypes.js';

/** How many saved templates the server keeps, how many one session may save, and how large one file may be. */
export const MAX_SAVED_TEMPLATES = 200;
export const MAX_SAVES_PER_SESSION = 5;
export const MAX_TEMPLATE_BYTES = 256 * 1024;
/** A template file's `source` is at most this long (agenda.schema.ts). */
const SOURCE_MAX = 200;

const suffix = customAlphabet('abcdefghijklmnopqrstuvwxyz0123456789', 6);

/** A template id from its title: lower-case words joined by dashes, and six random characters (ids never collide). */
export function templateIdOf(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return `${slug || 'saved'}-${suffix()}`;
}

/** A session's agenda as a template file's items: ids dropped, optional fields only when set. */
export function templateItemsOf(agenda: readonly AgendaItem[]): AgendaTemplate['items'] {
  return agenda.map((i) => ({
    title: i.title,
    plannedMinutes: i.plannedMinutes,
    moduleType: i.moduleType,
    prompt: i.prompt,
    facilitatorNotes: i.facilitatorNotes,
    ...(i.columns.length ? { columns: i.columns } : {}),
    ...(i.input ? { input: i.input } : {}),
    ...(i.anonymous ? { anonymous: true } : {}),
    ...(i.starter ? { starter: i.starter } : {}),
  }));
}

const EDITED = /; edited in a session on .*$/;
const dayOf = (at: number): string => new Date(at).toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

/**
 * The `source` of an agenda saved on `at` from a session that started from `origin`: the template's own source (its
 * earlier "edited" note replaced) and the day it was edited, or our own agenda when the session started blank.
 */
export function savedSourceOf(origin: TemplateOrigin | undefined, at: number): string {
  const day = dayOf(at);
  if (!origin || typeof origin.title !== 'string') return `Our own agenda, saved from a session on ${day}`;
  const tail = `; edited in a session on ${day}`;
  const base = typeof origin.source === 'string' && origin.source.trim() ? origin.source.replace(EDITED, '') : `From the template “${origin.title}”`;
  const room = SOURCE_MAX - tail.length;
  return (base.length > room ? `${base.slice(0, room - 1)}…` : base) + tail;
}

export type SaveOutcome = { ok: true; template: AgendaTemplate; key: string } | { ok: false; status: number; error: string };

export const SAVED_SAY = {
  /** The same sentence for a template that is gone and for a key that does not open it: ids reveal nothing. */
  gone: 'This saved template is not on the server any more, or this browser does not hold its key.',
  emptyAgenda: 'The agenda is empty: add an item before saving it as a template.',
  tooLarge: `This agenda is too large to save as a template (at most ${MAX_TEMPLATE_BYTES / 1024} KB).`,
  sessionFull: `This session has saved ${MAX_SAVES_PER_SESSION} templates already, the most one session may save. Delete one under “Your saved templates” on the start page to save another.`,
  full: `This server keeps at most ${MAX_SAVED_TEMPLATES} saved templates and holds that many now, so this agenda cannot be saved now. Saved templates nobody uses are removed after a while: please try again later (this session keeps its agenda meanwhile).`,
} as const;

/** The built-in templates, and the saved ones in the store, each private to the holder of its key. */
export class TemplateCatalog {
  constructor(
    readonly builtIn: readonly AgendaTemplate[],
    private readonly store: AsyncEventStore,
    private readonly now: () => number,
  ) {}

  builtInById(id: string): AgendaTemplate | undefined {
    return this.builtIn.find((t) => t.id === id);
  }

  /** The saved template `id` if `key` opens it (counted as a use), else undefined: a wrong key and no template look alike. */
  async open(id: string, key: string | undefined): Promise<AgendaTemplate | undefined> {
    const row = key ? await this.store.savedTemplate(id) : undefined;
    if (!row || !key || !matchesHash(key, row.ownerKeyHash)) return undefined;
    let template: AgendaTemplate | undefined;
    try {
      const parsed = protocol().AgendaTemplate.safeParse(JSON.parse(row.body));
      if (parsed.success) template = parsed.data;
    } catch {
      // a damaged row opens as nothing, never as a throw
    }
    if (template) await this.store.touchSavedTemplate(id, this.now());
    return template;
  }

  async summary(id: string, key: string): Promise<SavedTemplateSummary | undefined> {
    const t = await this.open(id, key);
    return (
      t && {
        id: t.id,
        title: t.title,
        description: t.description,
        ...(t.source ? { source: t.source } : {}),
        itemCount: t.items.length,
        totalMinutes: t.items.reduce((sum, i) => sum + i.plannedMinutes, 0),
      }
    );
  }

  /** Saves the session's agenda as a new template with a new key, returned here once (only its hash is kept). */
  async save(input: { title: string; description: string }, session: { id: string; agenda: readonly AgendaItem[]; startedFrom?: TemplateOrigin }): Promise<SaveOutcome> {
    if (session.agenda.length === 0) return { ok: false, status: 400, error: SAVED_SAY.emptyAgenda };
    const at = this.now();
    const candidate = {
      id: templateIdOf(input.title),
      title: input.title,
      description: input.description,
      source: savedSourceOf(session.startedFrom, at),
      items: templateItemsOf(session.agenda),
    };
    const parsed = protocol().AgendaTemplate.safeParse(candidate);
    if (!parsed.success) return { ok: false, status: 400, error: `This agenda cannot be a template: ${parsed.error.issues[0]?.message ?? 'a field is wrong'}.` };
    const body = JSON.stringify(parsed.data, null, 2) + '\n';
    if (Buffer.byteLength(body) > MAX_TEMPLATE_BYTES) return { ok: false, status: 413, error: SAVED_SAY.tooLarge };
    const key = newSecret();
    const row = { id: parsed.data.id, body, ownerKeyHash: hashSecret(key), savedAt: at, sessionId: session.id, usedAt: at };
    const added = await this.store.saveTemplate(row, { total: MAX_SAVED_TEMPLATES, perSession: MAX_SAVES_PER_SESSION });
    if (added === 'session-full') return { ok: false, status: 409, error: SAVED_SAY.sessionFull };
    if (added === 'full') return { ok: false, status: 503, error: SAVED_SAY.full };
    return { ok: true, template: parsed.data, key };
  }

  /** Deletes the saved template if `key` opens it. */
  async remove(id: string, key: string | undefined): Promise<boolean> {
    const row = key ? await this.store.savedTemplate(id) : undefined;
    return !!row && !!key && matchesHash(key, row.ownerKeyHash) && (await this.store.deleteSavedTemplate(id));
  }

  /** The retention: saved templates their owners have not used since `cutoff` are deleted; returns how many. */
  sweep(cutoff: number): Promise<number> {
    return this.store.deleteUnusedTemplates(cutoff);
  }
}
