import { z } from 'zod';
import { commandSchema as cmd, Id as id } from './schema.js';
import { LIMITS } from './limits.js';
import type { agendaSchemas } from './agenda.schema.js';

/**
 * Each module's command schemas (zod members of the command union), by module name, added by the module:
 * `declare module '../../protocol/commands.js' { interface ModuleCommands { flow: (typeof FLOW_COMMANDS)[number] } }`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the modules (declaration merging)
export interface ModuleCommands {}

const noteText = z
  .string()
  .trim()
  .min(1, 'A note cannot be empty.')
  .max(LIMITS.noteText, `A note can be at most ${LIMITS.noteText} characters.`);
const column = z.string().trim().min(1).max(LIMITS.columnName);

const empty = z.object({}).strict();

type AgendaSchemas = Pick<ReturnType<typeof agendaSchemas>, 'AgendaItemInput' | 'AgendaItemPatch'>;

/** The core's commands: timer, agenda, notes, lock, moderation, the session's end. */
export function coreCommands({ AgendaItemInput, AgendaItemPatch }: AgendaSchemas) {
  return [
    cmd('timer.start', empty),
    cmd('timer.pause', empty),
    cmd('timer.resume', empty),
    cmd('timer.extend', z.object({ minutes: z.union([z.literal(1), z.literal(5)]) }).strict()),
    cmd('timer.reset', empty),
    cmd('agenda.next', empty),
    cmd('agenda.previous', empty),
    cmd('agenda.goto', z.object({ itemId: id }).strict()),
    cmd('agenda.addItem', z.object({ item: AgendaItemInput, index: z.number().int().min(0).optional() }).strict()),
    cmd('agenda.removeItem', z.object({ itemId: id }).strict()),
    cmd('agenda.moveItem', z.object({ itemId: id, toIndex: z.number().int().min(0) }).strict()),
    cmd('agenda.updateItem', z.object({ itemId: id, patch: AgendaItemPatch }).strict()),
    cmd('note.add', z.object({ itemId: id, column, text: noteText }).strict()),
    cmd('note.edit', z.object({ noteId: id, text: noteText }).strict()),
    cmd('note.move', z.object({ noteId: id, column }).strict()),
    cmd('note.delete', z.object({ noteId: id }).strict()),
    cmd('note.restore', z.object({ noteId: id }).strict()),
    cmd('board.lock', z.object({ itemId: id, locked: z.boolean() }).strict()),
    cmd('note.erase', z.object({ noteId: id }).strict()),
    cmd('session.end', empty),
    cmd('session.delete', empty),
  ] as const;
}

type CommandSchemaOf = ReturnType<typeof coreCommands>[number] | ModuleCommands[keyof ModuleCommands];
/** Every command a client can send, by type (after validation: defaults filled in). */
export type CommandBody = z.infer<CommandSchemaOf>;
/** A command as a client writes it (optional fields may be left out). */
export type CommandInput = z.input<CommandSchemaOf>;
export type CommandType = CommandBody['type'];
export type CommandOf<T extends CommandType> = Extract<CommandBody, { type: T }>;
/** A command as sent: a client-made id makes resending safe. */
export type Command = { id: string } & CommandBody;


/**
 * The command schemas with the core's commands and the modules' (the registry passes every module's). The server
 * decides; the log records the resulting events.
 */
export function commandSchemas(agenda: AgendaSchemas, moduleCommands: readonly z.ZodType[]) {
  const members = [...coreCommands(agenda), ...moduleCommands] as unknown as Parameters<typeof z.discriminatedUnion>[1];
  /** Every command type the schema knows (each member is `commandSchema(type, payload)`). */
  const commandTypes = members.map((member) => (member as unknown as { shape: { type: { value: CommandType } } }).shape.type.value);
  // The modules' schemas are the members of ModuleCommands (each module declares both from one list).
  const CommandBody = z.discriminatedUnion('type', members) as unknown as z.ZodType<CommandBody, CommandInput>;
  const Command: z.ZodType<Command, unknown> = z
    .object({
      id: z
        .string()
        .min(LIMITS.commandIdMin, 'A command id is at least 8 characters.')
        .max(LIMITS.commandIdMax)
        .regex(/^[A-Za-z0-9_-]+$/, 'A command id is letters, digits, _ and -.'),
      type: z.string(),
      payload: z.unknown(),
    })
    .strict()
    .transform((c, ctx) => {
      const body = CommandBody.safeParse({ type: c.type, payload: c.payload });
      if (!body.success) {
        for (const issue of body.error.issues) ctx.addIssue({ ...issue, path: issue.path });
        return z.NEVER;
      }
      return { id: c.id, ...body.data };
    });
  return { CommandBody, Command, commandTypes };
}
