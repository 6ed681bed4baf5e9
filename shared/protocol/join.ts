import { z } from 'zod';
import './humanize.js';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, LIMITS } from './limits.js';
import type { CommandError } from './results.js';
import type { SessionEvent } from '../session/events.js';
import type { SessionState } from '../session/state.js';

const joinCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine((c) => c.length === JOIN_CODE_LENGTH && [...c].every((ch) => JOIN_CODE_ALPHABET.includes(ch)), {
    message: `A join code is ${JOIN_CODE_LENGTH} letters and digits.`,
  });
const lastSeq = z.number().int().min(0).optional();
const protocol = z.number().int();

export const DisplayName = z
  .string()
  .trim()
  .min(1, 'Please enter your name.')
  .max(LIMITS.displayName, `A name can be at most ${LIMITS.displayName} characters.`);

export const JoinRequest = z.discriminatedUnion('role', [
  z
    .object({
      role: z.literal('facilitator'),
      protocol,
      sessionId: z.string().min(1).max(64),
      facilitatorKey: z.string().min(1).max(128),
      lastSeq,
    })
    .strict(),
  z
    .object({
      role: z.literal('participant'),
      protocol,
      joinCode,
      name: DisplayName.optional(),
      participantToken: z.string().min(1).max(128).optional(),
      lastSeq,
    })
    .strict(),
  z.object({ role: z.literal('board'), protocol, joinCode, lastSeq }).strict(),
]);
export type JoinRequest = z.input<typeof JoinRequest>;
export type Role = JoinRequest['role'];

/** What a joined client receives to catch up: the events it missed, or a whole state when that is cheaper. */
export type CatchUp =
  | { kind: 'events'; events: SessionEvent[] }
  | { kind: 'snapshot'; seq: number; state: SessionState };

export type JoinResult =
  | {
      ok: true;
      role: Role;
      sessionId: string;
      joinCode: string;
      participantId?: string;
      participantToken?: string;
      serverNow: number;
      catchUp: CatchUp;
    }
  | { ok: false; error: CommandError };
