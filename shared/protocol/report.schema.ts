import { z } from 'zod';
import { Id } from './schema.js';

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
