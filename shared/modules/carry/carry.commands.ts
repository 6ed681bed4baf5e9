import { z } from 'zod';
import { commandSchema as cmd, Id as id } from '../../protocol/schema.js';

/** Where a carried list comes from, as the console names it: a code the earlier session shows, or its id and key. */
export const CarrySourceInput = z.union(
  [
    z.object({ code: z.string().trim().min(1, 'Paste the carry-forward code.').max(80, 'That carry-forward code is too long.') }).strict(),
    z.object({ sessionId: z.string().min(1).max(40), facilitatorKey: z.string().min(1).max(200) }).strict(),
  ],
  { error: 'Say which earlier session to import from: paste its carry-forward code or pick it from the list.' },
);

/** Commands of carrying forward across sessions. */
export const CARRY_COMMANDS = [
  cmd('carry.makeCode', z.object({}).strict()),
  cmd('carry.import', z.object({ from: CarrySourceInput }).strict()),
  cmd('carry.removeImport', z.object({ importId: id }).strict()),
] as const;

/**
 * What the server makes of a `carry.import` once it has found the earlier session: its carried list. Not on the
 * wire (no client can send it): the server puts it in the import's place before the decision.
 */
export const CarryReceive = cmd(
  'carry.receive',
  z
    .object({
      source: z.object({
        sessionId: z.string(),
        title: z.string(),
        createdAt: z.number(),
        items: z.array(z.object({ label: z.string(), column: z.string(), dots: z.number() })),
      }),
    })
    .strict(),
);

declare module '../../protocol/commands.js' {
  interface ModuleCommands {
    carry: (typeof CARRY_COMMANDS)[number] | typeof CarryReceive;
  }
}
