import type { AgendaItemInput } from '../protocol/agenda.schema.js';
import type { AgendaItem } from './state.js';

/** An agenda item as a template or the facilitator wrote it, under its new id. */
export const agendaItemFrom = (id: string, input: AgendaItemInput): AgendaItem => ({
  id,
  title: input.title,
  plannedMinutes: input.plannedMinutes,
  moduleType: input.moduleType,
  facilitatorNotes: input.facilitatorNotes ?? '',
  prompt: input.prompt ?? '',
  columns: input.columns ?? [],
  ...(input.input && input.input !== 'notes' ? { input: input.input } : {}),
  ...(input.anonymous ? { anonymous: true } : {}),
  ...(input.starter?.length ? { starter: input.starter } : {}),
});
