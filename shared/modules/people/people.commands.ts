import { z } from 'zod';
import { DisplayName } from '../../protocol/join.js';
import { commandSchema as cmd, Id } from '../../protocol/schema.js';

/** A participant renames themself; the facilitator removes a participant. */
export const PEOPLE_COMMANDS = [
  cmd('people.rename', z.object({ name: DisplayName }).strict()),
  cmd('people.remove', z.object({ participantId: Id }).strict()),
] as const;

declare module '../../protocol/commands.js' {
  interface ModuleCommands {
    people: (typeof PEOPLE_COMMANDS)[number];
  }
}
