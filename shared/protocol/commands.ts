import { z } from 'zod';
import { commandSchema as cmd, Id as id } from './schema.js';
import { LIMITS } from './limits.js';
import { AgendaItemInput, AgendaItemPatch } from './agenda.schema.js';
import { ReportScopeInput } from './report.schema.js';
import { FLOW_COMMANDS, FLOW_FACILITATOR_ONLY } from '../modules/flow/flow.commands.js';
import { SWOT_COMMANDS, SWOT_FACILITATOR_ONLY } from '../modules/swot/swot.commands.js';
import { VISION_COMMANDS, VISION_FACILITATOR_ONLY } from '../modules/vision/vision.commands.js';
import { LATE_COMMANDS, LATE_FACILITATOR_ONLY } from '../modules/late/late.commands.js';

const noteText = z
  .string()
  .trim()
  .min(1, 'A note cannot be empty.')
  .max(LIMITS.noteText, `A note can be at most ${LIMITS.noteText} characters.`);
const column = z.string().trim().min(1).max(LIMITS.columnName);

const empty = z.object({}).strict();

/** Every command a client can send, by type. The server decides; the log records the resulting events. */
export const CommandBody = z.discriminatedUnion('type', [
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
  cmd('board.lock', z.object({ itemId: id, locked: z.boolean() }).strict()),
  cmd('note.erase', z.object({ noteId: id }).strict()),
  cmd('session.end', empty),
  cmd('session.delete', empty),
  cmd('report.share', z.object({ scope: ReportScopeInput, timeZone: z.string().min(1).max(64).optional() }).strict()),
  cmd('report.unshare', empty),
  ...FLOW_COMMANDS,
  ...SWOT_COMMANDS,
  ...VISION_COMMANDS,
  ...LATE_COMMANDS,
]);
/** A command as the server holds it after validation (defaults filled in). */
export type CommandBody = z.infer<typeof CommandBody>;
/** A command as a client writes it (optional fields may be left out). */
export type CommandInput = z.input<typeof CommandBody>;
export type CommandType = CommandBody['type'];
export type CommandOf<T extends CommandType> = Extract<CommandBody, { type: T }>;

/** A command as sent: a client-made id makes resending safe. */
export const Command = z
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
export type Command = { id: string } & CommandBody;

/** Commands only the facilitator may send. Participants may add notes and change their own. */
export const FACILITATOR_ONLY: ReadonlySet<CommandType> = new Set<CommandType>([
  'timer.start',
  'timer.pause',
  'timer.resume',
  'timer.extend',
  'timer.reset',
  'agenda.next',
  'agenda.previous',
  'agenda.goto',
  'agenda.addItem',
  'agenda.removeItem',
  'agenda.moveItem',
  'agenda.updateItem',
  'board.lock',
  'note.erase',
  'session.end',
  'session.delete',
  'report.share',
  'report.unshare',
  ...FLOW_FACILITATOR_ONLY,
  ...SWOT_FACILITATOR_ONLY,
  ...VISION_FACILITATOR_ONLY,
  ...LATE_FACILITATOR_ONLY,
]);
