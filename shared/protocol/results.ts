/** Why a command or a join was refused. Every refusal carries a sentence a participant can read. */
export const ERROR_CODES = [
  'invalid', // the payload does not match the schema
  'forbidden', // this role may not do this
  'not_found', // the note, item or session does not exist
  'conflict', // not possible in the session's current state (locked board, timer not running...)
  'rate_limited',
  'not_joined',
  'protocol', // client built for another protocol version
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface CommandError {
  code: ErrorCode;
  message: string;
  /** A refusal that passes by itself: how long the server asks to wait before trying again. */
  retryAfterSeconds?: number;
}

/** `late`: accepted as a late entry (its step had closed): kept for the facilitator, not on the board yet. */
export type CommandResult = { ok: true; seq: number; late?: true } | { ok: false; error: CommandError };

export const fail = (code: ErrorCode, message: string, retryAfterSeconds?: number): { ok: false; error: CommandError } => ({
  ok: false,
  error: retryAfterSeconds === undefined ? { code, message } : { code, message, retryAfterSeconds },
});
