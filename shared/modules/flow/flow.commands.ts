import { z } from 'zod';
import { commandSchema as cmd, Id as id } from '../../protocol/schema.js';
import { LIMITS } from '../../protocol/limits.js';
import { PHASES } from './flow.state.js';

export const VoteTargetSchema = z.object({ kind: z.enum(['note', 'group']), id }).strict();

/** Commands of the brainstorm flow (SWOT and vision retreat share them). */
export const FLOW_COMMANDS = [
  cmd(
    'flow.advance',
    z
      .object({
        itemId: id,
        to: z.enum(PHASES),
        /** Going back from the vote: keep the dots placed, or clear them. */
        dots: z.enum(['keep', 'clear']).optional(),
      })
      .strict(),
  ),
  cmd(
    'flow.configure',
    z
      .object({
        itemId: id,
        dotsPerPerson: z.number().int().min(1, 'At least 1 dot each.').max(20, 'At most 20 dots each.'),
        maxPerItem: z.number().int().min(1, 'At least 1 dot per item.').max(20, 'At most 20 dots per item.'),
        /** Lower than what people placed: take back each one's latest dots (confirmed by the facilitator). */
        trim: z.boolean().optional(),
      })
      .strict(),
  ),
  cmd('flow.group', z.object({ noteId: id, onto: VoteTargetSchema }).strict()),
  cmd('flow.ungroup', z.object({ noteId: id }).strict()),
  cmd(
    'flow.nameGroup',
    z.object({ groupId: id, name: z.string().trim().max(LIMITS.columnName, `A group name can be at most ${LIMITS.columnName} characters.`) }).strict(),
  ),
  cmd('flow.moveGroup', z.object({ groupId: id, column: z.string().trim().min(1).max(LIMITS.columnName) }).strict()),
  cmd(
    'flow.dot',
    z
      .object({
        itemId: id,
        target: VoteTargetSchema,
        delta: z.union([z.literal(1), z.literal(-1)]),
        /** The facilitator places dots for someone in the room without a phone, by name. */
        onBehalfOf: z.string().trim().min(1).max(LIMITS.displayName).optional(),
      })
      .strict(),
  ),
  /** Moderation before the reveal: the note stays with its author and the facilitator only. */
  cmd('flow.hide', z.object({ noteId: id, hidden: z.boolean() }).strict()),
  cmd('flow.carry', z.object({ itemId: id, target: VoteTargetSchema, carried: z.boolean() }).strict()),
] as const;


declare module '../../protocol/commands.js' {
  interface ModuleCommands {
    flow: (typeof FLOW_COMMANDS)[number];
  }
}

declare module '../../session/module.js' {
  interface LateInputs {
    /** A dot placed after the vote closed. */
    'flow.dot': true;
  }
}
