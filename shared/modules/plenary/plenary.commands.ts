import { z } from 'zod';
import { LIMITS } from '../../protocol/limits.js';
import { commandSchema as cmd, Id as id } from '../../protocol/schema.js';
import { CarrySourceInput } from '../carry/carry.commands.js';
import { REPORT_FIELDS } from '../workgroup/workgroup.state.js';
import { PARTNERS } from './plenary.state.js';

const text = (what: string) =>
  z.string().trim().min(1, `${what} cannot be empty.`).max(LIMITS.noteText, `${what} can be at most ${LIMITS.noteText} characters.`);
const minutes = z.number().int().min(1, 'Give at least 1 minute.').max(120, 'Give at most 120 minutes.');
const date = z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the date as YYYY-MM-DD, or leave it empty.')]);
const nextStep = {
  what: text('What is to be done'),
  owner: z.string().trim().max(LIMITS.displayName * 2, `The owner can be at most ${LIMITS.displayName * 2} characters.`),
  partner: z.enum(PARTNERS, { error: 'Pick a partner from the list.' }).nullable(),
  term: z.enum(['short', 'long'], { error: 'Say whether it is short or long term.' }),
  date,
};

/** Commands of the large group: report-out mode, reactions, the synthesis, next steps, the import. */
export const PLENARY_COMMANDS = [
  cmd('plenary.present', z.object({ itemId: id, workGroupId: id.nullable(), minutes: minutes.optional() }).strict()),
  cmd('plenary.presentTimer', z.object({ action: z.enum(['start', 'pause', 'reset']), minutes: minutes.optional() }).strict()),
  cmd('plenary.react', z.object({ workGroupId: id, kind: z.enum(['question', 'reaction']), text: text('A question or reaction') }).strict()),
  cmd(
    'plenary.pull',
    z.object({ itemId: id, column: z.string().trim().min(1).max(LIMITS.columnName), workGroupId: id, field: z.enum([...REPORT_FIELDS, 'strategy']), sourceId: id }).strict(),
  ),
  cmd('plenary.addNextStep', z.object({ itemId: id, ...nextStep }).strict()),
  cmd('plenary.editNextStep', z.object({ nextStepId: id, ...nextStep }).strict()),
  cmd('plenary.removeNextStep', z.object({ nextStepId: id }).strict()),
  cmd('plenary.import', z.object({ from: CarrySourceInput }).strict()),
] as const;

const link = z.object({ workGroupId: z.string(), field: z.enum([...REPORT_FIELDS, 'strategy']), sourceId: z.string(), groupName: z.string() });

/**
 * What the server makes of a `plenary.import` once it has found the kick-off session (as `carry.receive`): its
 * themes, groups (without members), strategies, answers, synthesis and next steps. Not on the wire.
 */
export const PlenaryReceive = cmd(
  'plenary.receive',
  z
    .object({
      source: z.object({
        sessionId: z.string(),
        title: z.string(),
        createdAt: z.number(),
        themes: z.array(z.object({ id: z.string(), title: z.string(), source: z.string().nullable() })),
        groups: z.array(
          z.object({ id: z.string(), name: z.string(), themeId: z.string().nullable(), strategyOrder: z.array(z.string()), readyAt: z.number().nullable() }),
        ),
        strategies: z.array(
          z.object({
            id: z.string(),
            workGroupId: z.string(),
            text: z.string(),
            authorName: z.string(),
            createdAt: z.number(),
            steps: z.array(z.object({ id: z.string(), what: z.string(), owner: z.string(), byWhen: z.string() })),
          }),
        ),
        answers: z.array(
          z.object({ id: z.string(), workGroupId: z.string(), field: z.enum(REPORT_FIELDS), text: z.string(), authorName: z.string(), createdAt: z.number() }),
        ),
        synthesis: z.array(z.object({ column: z.string(), text: z.string(), dots: z.number(), link: link.nullable() })),
        nextSteps: z.array(
          z.object({ what: z.string(), owner: z.string(), partner: z.enum(PARTNERS).nullable(), term: z.enum(['short', 'long']), date: z.string() }),
        ),
      }),
    })
    .strict(),
);

declare module '../../protocol/commands.js' {
  interface ModuleCommands {
    plenary: (typeof PLENARY_COMMANDS)[number] | typeof PlenaryReceive;
  }
}
