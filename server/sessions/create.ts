import { customAlphabet, nanoid } from 'nanoid';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../../shared/protocol/limits.js';
import type { SessionEvent } from '../../shared/session/events.js';
import type { AgendaItem, TemplateOrigin } from '../../shared/session/state.js';
import { newBallotSecret } from '../ballots.js';
import { hashSecret, newSecret } from '../secrets.js';
import type { AsyncEventStore } from '../store/asyncTypes.js';
import type { SessionRecord } from '../store/types.js';

const makeJoinCode = customAlphabet(JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH);

/** What creating a session hands back once: the only moment the facilitator key exists outside the link. */
export interface CreatedSession {
  id: string;
  joinCode: string;
  facilitatorKey: string;
  title: string;
  createdAt: number;
}

/** One try with a fresh id and join code; undefined when either is taken (perhaps by another process just now). */
export async function tryCreate(
  store: AsyncEventStore,
  at: number,
  title: string,
  agenda: AgendaItem[],
  opts: { rehearsal?: boolean; template?: TemplateOrigin },
): Promise<CreatedSession | undefined> {
  let joinCode = makeJoinCode();
  while (await store.sessionByCode(joinCode)) joinCode = makeJoinCode();
  const facilitatorKey = newSecret();
  const record: SessionRecord = {
    id: nanoid(12),
    joinCode,
    facilitatorKeyHash: hashSecret(facilitatorKey),
    title,
    createdAt: at,
    lastActiveAt: at,
    ballotSecret: newBallotSecret(),
  };
  const created: SessionEvent = {
    type: 'session.created',
    id: record.id,
    title,
    joinCode,
    agenda,
    ...(opts.rehearsal ? { rehearsal: true as const } : {}),
    ...(opts.template ? { template: opts.template } : {}),
    seq: 1,
    at,
  };
  if (!(await store.createSession(record, created))) return undefined;
  return { id: record.id, joinCode, facilitatorKey, title, createdAt: at };
}
