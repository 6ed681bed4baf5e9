import { z } from 'zod';
import { commandSchema as cmd, Id as id } from '../../protocol/schema.js';

export const DataCardInput = z
  .object({
    title: z.string().trim().min(1, 'A data card needs a title.').max(120, 'A card title can be at most 120 characters.'),
    value: z.string().trim().min(1, 'A data card needs a figure.').max(40, 'A figure can be at most 40 characters.'),
    note: z.string().trim().max(300, 'A card note can be at most 300 characters.').default(''),
  })
  .strict();

/** Commands of the SWOT module beyond the shared brainstorm flow: the data cards. */
export const SWOT_COMMANDS = [
  cmd('swot.addCard', z.object({ itemId: id, card: DataCardInput }).strict()),
  cmd('swot.editCard', z.object({ itemId: id, cardId: id, card: DataCardInput }).strict()),
  cmd('swot.removeCard', z.object({ itemId: id, cardId: id }).strict()),
] as const;


declare module '../../protocol/commands.js' {
  interface ModuleCommands {
    swot: (typeof SWOT_COMMANDS)[number];
  }
}
