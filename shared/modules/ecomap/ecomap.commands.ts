import { z } from 'zod';
import { commandSchema as cmd, Id as id } from '../../protocol/schema.js';
import { MARKS, MAX_PARTNER_NAME, MAX_PARTNERS, MAX_PLAN_TEXT } from './ecomap.state.js';

/** A name a person types: trimmed, 1 to MAX_PARTNER_NAME characters, refused in our own words. */
const name = (noun: string) =>
  z.string().trim().min(1, `${noun} cannot be empty.`).max(MAX_PARTNER_NAME, `${noun} can be at most ${MAX_PARTNER_NAME} characters.`);
const category = name('A category');
const side = z.enum(['internal', 'external'], { error: 'Say whether the partner is internal or external.' });
/** One cell of the engagement plan: may stay empty. */
const planText = (what: string) => z.string().trim().max(MAX_PLAN_TEXT, `${what} can be at most ${MAX_PLAN_TEXT} characters.`);
const toIndex = z.number().int('A position is a whole number.').min(0, 'A position is 0 or more.').max(1000, 'A position is at most 1000.');
const vote = z.enum(['setup', 'open', 'closed'], { error: 'The vote is set up, open or closed.' });
const mark = z.enum(MARKS, { error: 'A mark is green, yellow, red or no dot.' }).nullable();

/** Commands of the stakeholder eco-map (see the rules in ecomap.logic.ts). */
export const ECOMAP_COMMANDS = [
  cmd('ecomap.setCentre', z.object({ itemId: id, centre: name('The agency’s name') }).strict()),
  cmd('ecomap.addPartner', z.object({ itemId: id, name: name('A partner’s name'), category, side, index: toIndex.optional() }).strict()),
  cmd(
    'ecomap.addPartners',
    z
      .object({
        itemId: id,
        names: z
          .array(name('A partner’s name'))
          .min(1, 'Give at least one partner.')
          .max(MAX_PARTNERS, `At most ${MAX_PARTNERS} partners at once.`),
      })
      .strict(),
  ),
  cmd('ecomap.editPartner', z.object({ itemId: id, partnerId: id, name: name('A partner’s name'), category, side }).strict()),
  cmd('ecomap.removePartner', z.object({ itemId: id, partnerId: id }).strict()),
  cmd('ecomap.movePartner', z.object({ itemId: id, partnerId: id, toIndex }).strict()),
  cmd('ecomap.mergePartners', z.object({ itemId: id, fromId: id, intoId: id }).strict()),
  cmd('ecomap.propose', z.object({ itemId: id, name: name('A partner’s name'), category: category.optional(), side: side.optional() }).strict()),
  cmd(
    'ecomap.acceptProposal',
    z.object({ itemId: id, proposalId: id, name: name('A partner’s name').optional(), category: category.optional(), side: side.optional() }).strict(),
  ),
  cmd('ecomap.mergeProposal', z.object({ itemId: id, proposalId: id, intoId: id }).strict()),
  cmd('ecomap.declineProposal', z.object({ itemId: id, proposalId: id, reason: planText('A reason').optional() }).strict()),
  cmd('ecomap.setVote', z.object({ itemId: id, vote }).strict()),
  cmd('ecomap.showResults', z.object({ itemId: id, shown: z.boolean() }).strict()),
  cmd('ecomap.mark', z.object({ itemId: id, partnerId: id, mark }).strict()),
  cmd('ecomap.setScribe', z.object({ itemId: id, participantId: id.nullable() }).strict()),
  cmd('ecomap.plan', z.object({ itemId: id, partnerId: id, how: planText('How'), who: planText('Who'), when: planText('When') }).strict()),
] as const;

declare module '../../protocol/commands.js' {
  interface ModuleCommands {
    ecomap: (typeof ECOMAP_COMMANDS)[number];
  }
}

declare module '../../session/module.js' {
  interface LateInputs {
    /** A mark placed after the vote closed. */
    'ecomap.mark': true;
  }
}
