import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new secret for a link or a device: 192 random bits, URL-safe. Only its hash is ever stored. */
export const newSecret = (): string => randomBytes(24).toString('base64url');

/** sha256 is enough for high-entropy random secrets: there is nothing to guess that a slow hash would protect. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

/** Whether `secret` hashes to `hash`, in time that does not depend on where they differ. */
export function matchesHash(secret: string, hash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
