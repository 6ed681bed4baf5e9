import { z } from 'zod';
import './humanize.js';
import { LIMITS } from './limits.js';
import { ITEM_INPUTS, type ModuleType } from '../session/state.js';

const text = (max: number) => z.string().trim().max(max);

/**
 * The agenda's schemas for the kinds of item the registry knows (shared/modules/registry.ts builds them with its
 * kinds; the protocol names none).
 */
export function agendaSchemas(kinds: readonly [ModuleType, ...ModuleType[]]) {
  const itemFields = {
    title: text(LIMITS.title).min(1, 'An agenda item needs a title.'),
    plannedMinutes: z.number().int().min(1, 'At least 1 minute.').max(LIMITS.plannedMinutes, `At most ${LIMITS.plannedMinutes} minutes.`),
    moduleType: z.enum(kinds),
    facilitatorNotes: text(LIMITS.itemText),
    prompt: text(LIMITS.itemText),
    columns: z.array(text(LIMITS.columnName).min(1)).min(1).max(LIMITS.columns),
    input: z.enum(ITEM_INPUTS, { error: 'An item takes its own notes ("notes"), the items carried forward ("carried") or the vision context ("vision").' }),
    /** Open boards: notes posted from now on are anonymous to everyone but their author and the facilitator. */
    anonymous: z.boolean(),
    /** A starter list the item's module offers the facilitator to add in one click (the survey's values, the eco-map's partners). */
    starter: z
      .array(text(LIMITS.starterEntry).min(1, 'A starter entry cannot be empty.'))
      .max(LIMITS.starterEntries, `A starter list holds at most ${LIMITS.starterEntries} entries.`),
  };

  /** An agenda item as a template or a facilitator writes it (no id yet). */
  const AgendaItemInput = z
    .object({
      ...itemFields,
      facilitatorNotes: itemFields.facilitatorNotes.default(''),
      prompt: itemFields.prompt.default(''),
      columns: itemFields.columns.optional(),
      input: itemFields.input.optional(),
      anonymous: itemFields.anonymous.optional(),
      starter: itemFields.starter.optional(),
    })
    .strict();

  /** The editable fields of an agenda item: only what is sent changes (no defaults fill in the rest). */
  const AgendaItemPatch = z.object(itemFields).partial().strict();

  /** An agenda template file in `sessions/`. */
  const AgendaTemplate = z
    .object({
      id: z.string().regex(/^[a-z0-9-]{1,60}$/, 'Template ids are lower-case letters, digits and dashes.'),
      title: text(LIMITS.title).min(1),
      description: text(LIMITS.itemText).default(''),
      source: z.string().max(200).optional(),
      items: z.array(AgendaItemInput).min(1).max(LIMITS.agendaItems),
    })
    .strict();
  return { AgendaItemInput, AgendaItemPatch, AgendaTemplate };
}

type Schemas = ReturnType<typeof agendaSchemas>;
export type AgendaItemInput = z.input<Schemas['AgendaItemInput']>;
export type AgendaItemPatch = z.infer<Schemas['AgendaItemPatch']>;
export type AgendaTemplate = z.infer<Schemas['AgendaTemplate']>;

/** What the owner's list (POST /api/templates/saved) shows of one saved template: no items, so it stays small. */
export interface SavedTemplateSummary {
  id: string;
  title: string;
  description: string;
  source?: string;
  itemCount: number;
  totalMinutes: number;
}
