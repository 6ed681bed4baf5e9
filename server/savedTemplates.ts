import { customAlphabet } from 'nanoid';
import type { AgendaTemplate } from '../shared/protocol/agenda.schema.js';
import { protocol } from '../shared/modules/registry.js';
import type { AgendaItem } from '../shared/session/state.js';
import { hashSecret } from './secrets.js';
import type { EventStore } from './store/types.js';

/** How many saved templates the server keeps, and how large one file may be. */
export const MAX_SAVED_TEMPLATES = 200;
export const MAX_TEMPLATE_BYTES = 256 * 1024;

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

export type SaveOutcome = { ok: true; template: AgendaTemplate } | { ok: false; status: number; error: string };

/** The built-in templates and the saved ones, behind one lookup; saved ones live in the store. */
export class TemplateCatalog {
  constructor(
    private readonly builtIn: readonly AgendaTemplate[],
    private readonly store: EventStore,
    private readonly now: () => number,
  ) {}

  /** Saved templates, each parsed again (a row that no longer validates is left out, never thrown). */
  saved(): AgendaTemplate[] {
    const out: AgendaTemplate[] = [];
    for (const row of this.store.savedTemplates()) {
      try {
        const parsed = protocol().AgendaTemplate.safeParse(JSON.parse(row.body));
        if (parsed.success) out.push(parsed.data);
      } catch {
        // a damaged row is skipped
      }
    }
    return out;
  }

  find(id: string): { template: AgendaTemplate; saved: boolean } | undefined {
    const b = this.builtIn.find((t) => t.id === id);
    if (b) return { template: b, saved: false };
    const s = this.saved().find((t) => t.id === id);
    return s && { template: s, saved: true };
  }

  /** The key hash that may delete a saved template, if it is one. */
  ownerOf(id: string): string | undefined {
    return this.store.savedTemplates().find((r) => r.id === id)?.ownerKeyHash;
  }

  save(input: { title: string; description: string; source?: string }, agenda: readonly AgendaItem[], facilitatorKey: string): SaveOutcome {
    if (agenda.length === 0) return { ok: false, status: 400, error: 'The agenda is empty: add an item before saving it as a template.' };
    const candidate = { id: templateIdOf(input.title), title: input.title, description: input.description, ...(input.source ? { source: input.source } : {}), items: templateItemsOf(agenda) };
    const parsed = protocol().AgendaTemplate.safeParse(candidate);
    if (!parsed.success) return { ok: false, status: 400, error: `This agenda cannot be a template: ${parsed.error.issues[0]?.message ?? 'a field is wrong'}.` };
    const body = JSON.stringify(parsed.data, null, 2) + '\n';
    if (Buffer.byteLength(body) > MAX_TEMPLATE_BYTES)
      return { ok: false, status: 413, error: `This agenda is too large to save as a template (at most ${MAX_TEMPLATE_BYTES / 1024} KB).` };
    const added = this.store.saveTemplate({ id: parsed.data.id, body, ownerKeyHash: hashSecret(facilitatorKey), savedAt: this.now() }, MAX_SAVED_TEMPLATES);
    if (!added)
      return { ok: false, status: 409, error: `This server keeps at most ${MAX_SAVED_TEMPLATES} saved templates, and it holds that many. Delete one you no longer need first.` };
    return { ok: true, template: parsed.data };
  }

  remove(id: string): boolean {
    return this.store.deleteSavedTemplate(id);
  }
}
