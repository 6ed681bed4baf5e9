import { z } from 'zod';

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'Ids are letters, digits, _ and -.');
const cmd = <T extends string, P extends z.ZodTypeAny>(type: T, payload: P) =>
  z.object({ type: z.literal(type), payload }).strict();

/** The facilitator's decisions on late input. */
export const LATE_COMMANDS = [
  cmd('late.accept', z.object({ entryId: id }).strict()),
  cmd('late.dismiss', z.object({ entryId: id }).strict()),
] as const;

export const LATE_FACILITATOR_ONLY = ['late.accept', 'late.dismiss'] as const;
