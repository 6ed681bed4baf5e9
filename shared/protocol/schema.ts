import { z } from 'zod';
import './humanize.js';

/** An id as clients send it back (agenda items, notes, groups, cards): short, URL-safe. */
export const Id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

/** One command's schema: its type and its payload, nothing else. */
export const commandSchema = <T extends string, P extends z.ZodTypeAny>(type: T, payload: P) =>
  z.object({ type: z.literal(type), payload }).strict();
