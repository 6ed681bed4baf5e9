import { z } from 'zod';
import { commandSchema as cmd, Id as id } from '../../protocol/schema.js';

/** The facilitator's decisions on late input. */
export const LATE_COMMANDS = [
  cmd('late.accept', z.object({ entryId: id }).strict()),
  cmd('late.dismiss', z.object({ entryId: id }).strict()),
] as const;


declare module '../../protocol/commands.js' {
  interface ModuleCommands {
    late: (typeof LATE_COMMANDS)[number];
  }
}
