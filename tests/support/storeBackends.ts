import fs from 'node:fs';
import { reduce } from '../../shared/modules/registry.js';
import type { SessionEvent } from '../../shared/session/events.js';
import type { SessionState } from '../../shared/session/state.js';
import { asyncSqlite } from '../../server/store/asyncSqlite.js';
import type { AsyncEventStore } from '../../server/store/asyncTypes.js';
import { openPostgresStore } from '../../server/store/postgres.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import type { SessionRecord } from '../../server/store/types.js';
import { rowsMentioning } from './db.js';
import { tempDir } from './harness.js';
import { DATABASE_URL, dropSchema, pgRowsMentioning, postgresSkipReason, uniqueSchema } from './postgres.js';

/** One database of one kind, fresh for a test: stores opened on it are like server processes sharing it. */
export interface Backend {
  /** Another store instance on this database (its own connection or pool, as another process would have). */
  open(): Promise<AsyncEventStore>;
  /** In every table, the rows holding `needle` anywhere, read by the test's own connection. */
  rowsMentioning(needle: string): Promise<Record<string, number>>;
  /** Closes the stores it opened and removes the database (the temp folder, or the schema it created). */
  dispose(): Promise<void>;
}

export interface BackendKind {
  name: string;
  /** Why this kind cannot run here, or null. */
  skip: string | null;
  fresh(): Backend;
}

function track(open: () => Promise<AsyncEventStore>, rows: Backend['rowsMentioning'], remove: () => Promise<void>): Backend {
  const opened: AsyncEventStore[] = [];
  return {
    open: async () => {
      const s = await open();
      opened.push(s);
      return s;
    },
    rowsMentioning: rows,
    dispose: async () => {
      await Promise.all(opened.map((s) => s.close()));
      await remove();
    },
  };
}

export const BACKENDS: BackendKind[] = [
  {
    name: 'SQLite',
    skip: null,
    fresh: () => {
      const dir = tempDir('ft-store-');
      return track(
        async () => asyncSqlite(openSqliteStore(dir, { log: () => {} })),
        async (needle) => rowsMentioning(dir, needle),
        async () => fs.rmSync(dir, { recursive: true, force: true }),
      );
    },
  },
  {
    name: 'PostgreSQL',
    skip: postgresSkipReason,
    fresh: () => {
      const schema = uniqueSchema();
      return track(
        () => openPostgresStore({ connectionString: DATABASE_URL!, schema, maxConnections: 4 }),
        (needle) => pgRowsMentioning(schema, needle),
        () => dropSchema(schema),
      );
    },
  },
];

let counter = 0;
/** An id no other test uses, so a test's rows are told apart from any other's. */
export const uniqueId = (prefix: string): string => `${prefix}-${process.pid}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;

/** A session record and its `session.created` event (seq 1). */
export function newSession(lastActiveAt = 1_000): { rec: SessionRecord; created: SessionEvent } {
  const id = uniqueId('session');
  const joinCode = uniqueId('code');
  const rec = { id, joinCode, facilitatorKeyHash: `hash-of-${id}`, title: 'Data retreat', createdAt: lastActiveAt, lastActiveAt, ballotSecret: `ballot-${id}` };
  const created: SessionEvent = { type: 'session.created', id, title: rec.title, joinCode, agenda: [], seq: 1, at: lastActiveAt };
  return { rec, created };
}

/** Text that trips naive storage: NUL, quotes, backslashes, braces, commas, non-Latin letters, an emoji. */
export const AWKWARD = 'Ana \u0000 "quoted" \\ {a,b} \'x\' — Ñandú 家庭 👪';

export const joined = (seq: number, name = `Person ${seq}`, participantId = `p${seq}`): SessionEvent => ({
  type: 'participant.joined',
  participantId,
  name,
  seq,
  at: 1_000 + seq,
});

/** The state the events make, for snapshots. */
export const stateOf = (events: SessionEvent[]): SessionState => reduce(events);
