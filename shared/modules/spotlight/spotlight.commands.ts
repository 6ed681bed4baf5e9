import { z } from 'zod';
import { commandSchema as cmd, Id as id } from '../../protocol/schema.js';

/** What the board can put in the spotlight: one note, or one group (a result is one of the two). */
export const SpotlightTargetSchema = z.object({ itemId: id, kind: z.enum(['note', 'group']), id }).strict();

/** The facilitator's say over what the board shows: one thing large, and whether its pages turn by themselves. */
export const SPOTLIGHT_COMMANDS = [
  cmd('spotlight.show', z.object({ target: SpotlightTargetSchema }).strict()),
  cmd('spotlight.clear', z.object({}).strict()),
  cmd('spotlight.paging', z.object({ paused: z.boolean() }).strict()),
] as const;

declare module '../../protocol/commands.js' {
  interface ModuleCommands {
    spotlight: (typeof SPOTLIGHT_COMMANDS)[number];
  }
}
