import { z } from 'zod';
import { LIMITS } from './limits.js';
import { MODULE_TYPES } from '../modules/registry.js';

const text = (max: number) => z.string().trim().max(max);

/** An agenda item as a template or a facilitator writes it (no id yet). */
export const AgendaItemInput = z
  .object({
    title: text(LIMITS.title).min(1, 'An agenda item needs a title.'),
    plannedMinutes: z.number().int().min(1).max(LIMITS.plannedMinutes),
    moduleType: z.enum(MODULE_TYPES),
    facilitatorNotes: text(LIMITS.itemText).default(''),
    prompt: text(LIMITS.itemText).default(''),
    columns: z.array(text(LIMITS.columnName).min(1)).min(1).max(LIMITS.columns).optional(),
  })
  .strict();
export type AgendaItemInput = z.input<typeof AgendaItemInput>;

/** The editable fields of an agenda item. */
export const AgendaItemPatch = AgendaItemInput.partial().strict();
export type AgendaItemPatch = z.infer<typeof AgendaItemPatch>;

/** An agenda template file in `sessions/`. */
export const AgendaTemplate = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,60}$/, 'Template ids are lower-case letters, digits and dashes.'),
    title: text(LIMITS.title).min(1),
    description: text(LIMITS.itemText).default(''),
    source: z.string().max(200).optional(),
    items: z.array(AgendaItemInput).min(1).max(LIMITS.agendaItems),
  })
  .strict();
export type AgendaTemplate = z.infer<typeof AgendaTemplate>;
