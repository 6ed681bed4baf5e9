import { createHmac, randomBytes } from 'node:crypto';

/**
 * Ballots: the opaque keys anonymous answers (the values survey's ratings) are filed under. A participant's ballot is
 * HMAC-SHA256 of their participant id under their session's ballot secret: the same person always gets the same
 * ballot (so they can change or withdraw their answer, and their phones get their own answers back), while nobody
 * without the secret can tell whose ballot it is. The secret is random per session, kept in the sessions table only,
 * never sent to any client, and deleted with the session.
 */

/** A new session's ballot secret: 256 random bits. */
export const newBallotSecret = (): string => randomBytes(32).toString('base64url');

/** The participant's ballot in the session whose secret this is (hex, 64 characters). */
export const ballotOf = (secret: string, participantId: string): string =>
  createHmac('sha256', secret).update(participantId, 'utf8').digest('hex');
