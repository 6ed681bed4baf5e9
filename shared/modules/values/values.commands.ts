import { z } from 'zod';
import { LIMITS } from '../../protocol/limits.js';
import { commandSchema as cmd, Id as id } from '../../protocol/schema.js';
import { MAX_DESCRIPTION, MAX_INVOLVE, MAX_VALUE_NAME, MAX_VALUES, SCALE_MAX, SCALE_MIN } from './values.state.js';

/** A text a person types: trimmed, 1 to `max` characters, refused in our own words. */
const text = (noun: string, max: number) =>
  z.string().trim().min(1, `${noun} cannot be empty.`).max(max, `${noun} can be at most ${max} characters.`);
/** A text that may stay empty (a description, an owner, a reason). */
const detail = (noun: string, max: number) => z.string().trim().max(max, `${noun} can be at most ${max} characters.`);
const name = text('A value’s name', MAX_VALUE_NAME);
const description = detail('A description', MAX_DESCRIPTION);
const position = z.number().int('A position is a whole number.').min(0, 'A position is 0 or more.').max(1000, 'A position is at most 1000.');
const score = z
  .number()
  .int(`A score is a whole number from ${SCALE_MIN} to ${SCALE_MAX}.`)
  .min(SCALE_MIN, `A score is from ${SCALE_MIN} to ${SCALE_MAX}.`)
  .max(SCALE_MAX, `A score is from ${SCALE_MIN} to ${SCALE_MAX}.`)
  .nullable();

/** Commands of the core-values survey (see values.state.ts and the rules in values.logic.ts). */
export const VALUES_COMMANDS = [
  cmd('values.addValue', z.object({ itemId: id, name, description: description.optional(), index: position.optional() }).strict()),
  cmd(
    'values.addValues',
    z
      .object({
        itemId: id,
        values: z
          .array(z.object({ name, description: description.optional() }).strict())
          .min(1, 'The list of values is empty.')
          .max(MAX_VALUES, `A survey holds at most ${MAX_VALUES} values.`),
      })
      .strict(),
  ),
  cmd('values.editValue', z.object({ itemId: id, valueId: id, name, description }).strict()),
  cmd('values.removeValue', z.object({ itemId: id, valueId: id }).strict()),
  cmd('values.moveValue', z.object({ itemId: id, valueId: id, toIndex: position }).strict()),
  cmd('values.mergeValues', z.object({ itemId: id, fromId: id, intoId: id }).strict()),
  cmd('values.propose', z.object({ itemId: id, text: text('A proposed value', MAX_VALUE_NAME) }).strict()),
  cmd('values.acceptProposal', z.object({ itemId: id, proposalId: id, name: name.optional() }).strict()),
  cmd('values.mergeProposal', z.object({ itemId: id, proposalId: id, intoId: id }).strict()),
  cmd('values.declineProposal', z.object({ itemId: id, proposalId: id, reason: detail('A reason', MAX_DESCRIPTION).optional() }).strict()),
  cmd('values.setPhase', z.object({ itemId: id, phase: z.enum(['setup', 'open', 'closed'], { error: 'The survey is in setup, open or closed.' }) }).strict()),
  cmd('values.showResults', z.object({ itemId: id, shown: z.boolean() }).strict()),
  cmd(
    'values.rate',
    z
      .object({
        itemId: id,
        valueId: id,
        scale: z.enum(['importance', 'practice'], { error: 'Rate how important the value is or how consistently it is lived.' }),
        score,
      })
      .strict(),
  ),
  cmd(
    'values.setInvolve',
    z
      .object({
        itemId: id,
        involve: z.array(text('An entry', MAX_VALUE_NAME)).max(MAX_INVOLVE, `The list holds at most ${MAX_INVOLVE} entries.`),
      })
      .strict(),
  ),
  cmd(
    'values.setAction',
    z
      .object({
        itemId: id,
        actionId: id.optional(),
        valueId: id,
        what: text('An action', LIMITS.noteText),
        owner: detail('The owner', MAX_VALUE_NAME),
        byWhen: detail('By when', MAX_VALUE_NAME),
      })
      .strict(),
  ),
  cmd('values.removeAction', z.object({ itemId: id, actionId: id }).strict()),
] as const;

declare module '../../protocol/commands.js' {
  interface ModuleCommands {
    values: (typeof VALUES_COMMANDS)[number];
  }
}
