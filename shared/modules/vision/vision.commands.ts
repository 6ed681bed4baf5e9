import { z } from 'zod';
import { commandSchema as cmd, Id as id } from '../../protocol/schema.js';
import { CROSSWALK_RATINGS, OUTCOME_IDS } from './cfsr.js';

const longText = (what: string) => z.string().max(4000, `${what} can be at most 4000 characters.`);

/** Commands of the vision retreat beyond the shared brainstorm flow. */
export const VISION_COMMANDS = [
  cmd(
    'vision.setContext',
    z
      .object({
        itemId: id,
        mission: longText('The mission'),
        vision: longText('The vision'),
        values: longText('The values'),
        pastedCarried: z.array(z.string().trim().min(1).max(500)).max(40).default([]),
      })
      .strict(),
  ),
  cmd('vision.draft', z.object({ itemId: id, text: longText('The statement') }).strict()),
  cmd('vision.askFist', z.object({ itemId: id, hideDistribution: z.boolean().optional() }).strict()),
  cmd('vision.closeFist', z.object({ itemId: id }).strict()),
  cmd('vision.fist', z.object({ itemId: id, value: z.number().int().min(0, 'Answer 0 to 5.').max(5, 'Answer 0 to 5.') }).strict()),
  cmd('vision.finalize', z.object({ itemId: id }).strict()),
  cmd('vision.openCrosswalk', z.object({ itemId: id, open: z.boolean() }).strict()),
  cmd('vision.rate', z.object({ itemId: id, outcomeId: z.enum(OUTCOME_IDS), rating: z.enum(CROSSWALK_RATINGS) }).strict()),
] as const;


declare module '../../protocol/commands.js' {
  interface ModuleCommands {
    vision: (typeof VISION_COMMANDS)[number];
  }
}

declare module '../../session/module.js' {
  interface LateInputs {
    /** An answer after its round closed. */
    'vision.fist': true;
    /** A rating after the crosswalk closed. */
    'vision.rate': true;
  }
}
