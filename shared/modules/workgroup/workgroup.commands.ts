import { z } from 'zod';
import { LIMITS } from '../../protocol/limits.js';
import { commandSchema as cmd, Id as id } from '../../protocol/schema.js';
import { REPORT_FIELDS } from './workgroup.state.js';

/** A text a person types: trimmed, 1 to LIMITS.noteText characters, refused in our own words. */
const text = (noun: string) =>
  z.string().trim().min(1, `${noun} cannot be empty.`).max(LIMITS.noteText, `${noun} can be at most ${LIMITS.noteText} characters.`);
/** An optional detail of an action step (its owner, by when): may stay empty. */
const detail = (what: string) => z.string().trim().max(LIMITS.noteText, `${what} can be at most ${LIMITS.noteText} characters.`);
const capacity = z
  .number()
  .int('A capacity is a whole number of people.')
  .min(1, 'A group takes at least 1 person.')
  .max(500, 'A group takes at most 500 people.')
  .nullable();
const toIndex = z.number().int().min(0).max(1000);
const source = z.string().regex(/^(note|group):[A-Za-z0-9_-]{1,64}$/, 'A theme comes from a note or a group of notes.');

/** Commands of the theme work groups (see the design in workgroup.logic.ts). */
export const WORKGROUP_COMMANDS = [
  cmd('workgroup.addTheme', z.object({ title: text('A theme'), source: source.optional() }).strict()),
  cmd('workgroup.renameTheme', z.object({ themeId: id, title: text('A theme') }).strict()),
  cmd('workgroup.removeTheme', z.object({ themeId: id }).strict()),
  cmd('workgroup.moveTheme', z.object({ themeId: id, toIndex }).strict()),
  cmd('workgroup.makeGroups', z.object({}).strict()),
  cmd('workgroup.addGroup', z.object({ name: text('A group’s name'), themeId: id.nullable().optional() }).strict()),
  cmd('workgroup.renameGroup', z.object({ workGroupId: id, name: text('A group’s name') }).strict()),
  cmd('workgroup.mergeGroups', z.object({ workGroupId: id, intoId: id }).strict()),
  cmd('workgroup.configure', z.object({ capacity, selfSelect: z.boolean() }).strict()),
  cmd('workgroup.setCapacity', z.object({ workGroupId: id, capacity }).strict()),
  cmd('workgroup.balance', z.object({}).strict()),
  cmd('workgroup.assign', z.object({ participantId: id, workGroupId: id.nullable() }).strict()),
  cmd('workgroup.join', z.object({ workGroupId: id }).strict()),
  cmd('workgroup.leave', z.object({}).strict()),
  cmd('workgroup.setLeader', z.object({ workGroupId: id, participantId: id.nullable() }).strict()),
  cmd('workgroup.lead', z.object({ workGroupId: id }).strict()),
  cmd(
    'workgroup.timer',
    z
      .object({
        workGroupId: id,
        action: z.enum(['start', 'pause', 'reset', 'follow']),
        minutes: z.number().int('Minutes are whole minutes.').min(1, 'A group timer runs at least 1 minute.').max(LIMITS.plannedMinutes, `A group timer runs at most ${LIMITS.plannedMinutes} minutes.`).optional(),
      })
      .strict(),
  ),
  cmd('workgroup.message', z.object({ workGroupId: id.nullable(), text: text('A message'), warning: z.boolean().optional() }).strict()),
  cmd('workgroup.addStrategy', z.object({ workGroupId: id, text: text('A strategy') }).strict()),
  cmd('workgroup.editStrategy', z.object({ strategyId: id, text: text('A strategy') }).strict()),
  cmd('workgroup.removeStrategy', z.object({ strategyId: id }).strict()),
  cmd('workgroup.moveStrategy', z.object({ strategyId: id, toIndex }).strict()),
  cmd('workgroup.addStep', z.object({ strategyId: id, what: text('An action step'), owner: detail('The owner'), byWhen: detail('By when') }).strict()),
  cmd(
    'workgroup.editStep',
    z.object({ strategyId: id, stepId: id, what: text('An action step'), owner: detail('The owner'), byWhen: detail('By when') }).strict(),
  ),
  cmd('workgroup.removeStep', z.object({ strategyId: id, stepId: id }).strict()),
  cmd('workgroup.addAnswer', z.object({ workGroupId: id, field: z.enum(REPORT_FIELDS, { error: 'Pick one of the report-out’s headings.' }), text: text('An answer') }).strict()),
  cmd('workgroup.editAnswer', z.object({ answerId: id, text: text('An answer') }).strict()),
  cmd('workgroup.removeAnswer', z.object({ answerId: id }).strict()),
  cmd('workgroup.ready', z.object({ workGroupId: id, ready: z.boolean() }).strict()),
] as const;

declare module '../../protocol/commands.js' {
  interface ModuleCommands {
    workgroup: (typeof WORKGROUP_COMMANDS)[number];
  }
}
