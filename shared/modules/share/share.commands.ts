import { z } from 'zod';
import { commandSchema as cmd, Id } from '../../protocol/schema.js';

/** What a report covers, as a client names it: the whole session, one agenda item, or one group of an item. */
export const ReportScopeInput = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('session') }).strict(),
    z.object({ kind: z.literal('item'), itemId: Id }).strict(),
    z.object({ kind: z.literal('group'), itemId: Id, groupId: Id }).strict(),
  ],
  { error: 'Say what the report covers: the whole session, one agenda item or one group.' },
);

/** Sharing a report with the room, and stopping. */
export const SHARE_COMMANDS = [
  cmd('report.share', z.object({ scope: ReportScopeInput, timeZone: z.string().min(1).max(64).optional() }).strict()),
  cmd('report.unshare', z.object({}).strict()),
] as const;

declare module '../../protocol/commands.js' {
  interface ModuleCommands {
    report: (typeof SHARE_COMMANDS)[number];
  }
}
