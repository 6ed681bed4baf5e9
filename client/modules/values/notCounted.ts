import type { UnsentInput } from '../../net/sessionClient.js';
import { SCALE_MAX, SCALE_MIN, type Scale } from '../../../shared/modules/values/values.state.js';
import { discardUnsent, sendCommand, useSession } from '../../store.js';

/**
 * A rating the server refused (the survey closed before it arrived, say): kept on this phone only, with the reason,
 * so it can be sent again if the survey reopens. Never kept on the server: that would tie a rating to a person. The
 * phone's client keeps it among its refused inputs (client/net/sessionClient.ts), stored on the device, so a rating
 * queued offline and refused after a page reload is kept and shown as well.
 */
export interface NotCounted {
  /** The refused command's id (letting it go forgets that input). */
  id: string;
  valueId: string;
  scale: Scale;
  score: number;
  reason: string;
}

function notCountedOf(u: UnsentInput, itemId: string): NotCounted | null {
  const c = u.command;
  if (c.type !== 'values.rate' || c.payload.itemId !== itemId) return null;
  const { valueId, scale, score } = c.payload;
  if (score === null || score < SCALE_MIN || score > SCALE_MAX) return null;
  return { id: c.id, valueId, scale, score, reason: u.reason };
}

/** This phone's not-counted ratings of one survey, and the rating that keeps one when it is refused. */
export function useRating(itemId: string) {
  const unsent = useSession((s) => s.unsent);
  const list = unsent.flatMap((u) => notCountedOf(u, itemId) ?? []);
  const drop = (n: Pick<NotCounted, 'id'>) => discardUnsent(n.id);
  /** Sends a rating (score null withdraws it); the phone's client keeps a refused score with the reason. */
  const rate = async (valueId: string, scale: Scale, score: number | null) => {
    await sendCommand({ type: 'values.rate', payload: { itemId, valueId, scale, score } });
  };
  return { notCounted: list, rate, drop };
}
