import { createHash } from 'node:crypto';
import pg from 'pg';
import type { CommandResult } from '../../shared/protocol/results.js';
import type { SessionEvent } from '../../shared/session/events.js';
import type { SessionState } from '../../shared/session/state.js';
import type { AppendOutcome, AsyncEventStore } from './asyncTypes.js';
import { EVENTS_SEQ_CONSTRAINT, migratePostgres, SCHEMA_NAME } from './postgresSchema.js';
import { SESSION_TABLES } from './sqliteSchema.js';
import type { AppendBatch, SaveTemplateResult, SessionRecord } from './types.js';

interface TemplateRow {
  id: string;
  body: string;
  owner_key_hash: string;
  saved_at: string;
  session_id: string;
  used_at: string;
}

export interface PostgresOptions {
  /** postgres://user@host:port/database, as in DATABASE_URL. */
  connectionString: string;
  /** The schema holding the tables (created at start when missing); `public` unless told. */
  schema?: string;
  /** Connections in the pool. */
  maxConnections?: number;
  log?: (line: string) => void;
}

interface Row {
  id: string;
  join_code: string;
  facilitator_key_hash: string;
  title: string;
  created_at: string;
  last_active_at: string;
  ballot_secret: string;
}
// BIGINT columns arrive as strings (node-postgres keeps 64 bits exact); milliseconds fit a number.
const toRecord = (r: Row): SessionRecord => ({
  id: r.id,
  joinCode: r.join_code,
  facilitatorKeyHash: r.facilitator_key_hash,
  title: r.title,
  createdAt: Number(r.created_at),
  lastActiveAt: Number(r.last_active_at),
  ballotSecret: r.ballot_secret,
});

/**
 * PostgreSQL's text cannot hold U+0000 (JSON text escapes it, so bodies are safe). A key holding one was never
 * stored: a lookup by it finds nothing, as it would in SQLite. A session title is the one person-typed text column
 * outside JSON: its NULs become U+FFFD there, while its `session.created` event keeps the title exactly.
 */
const hasNul = (...keys: string[]): boolean => keys.some((k) => k.includes('\u0000'));
const withoutNul = (s: string): string => s.replaceAll('\u0000', '\ufffd');

/** A violation of a unique or primary key, with the constraint's name. */
const uniqueViolation = (e: unknown): string | undefined => {
  const err = e as { code?: unknown; constraint?: unknown };
  return err?.code === '23505' ? String(err.constraint ?? '') : undefined;
};
/** A row written for a session that is not there (any more): see the references in postgresSchema.ts. */
const sessionGone = (e: unknown): boolean => (e as { code?: unknown })?.code === '23503';
/** Runs a write of a session's rows; a session deleted meanwhile keeps nothing, and that is not an error. */
const unlessGone = async (write: Promise<unknown>): Promise<void> => {
  try {
    await write;
  } catch (e) {
    if (!sessionGone(e)) throw e;
  }
};

/**
 * The key of a session's write lock (pg_advisory_xact_lock's bigint): the first 8 bytes of a hash of the schema and
 * the session id. Two sessions sharing a key only wait for each other, never write wrongly.
 */
const writeLockKey = (schema: string, sessionId: string): bigint =>
  createHash('sha256').update(`${schema}\u0000${sessionId}`).digest().readBigInt64BE(0);

type Literal = string | number | null | Literal[];
/** A value as SQL text: strings quoted by pg.escapeLiteral (E-quoted when they hold a backslash), arrays as ARRAY[...]. */
const literal = (v: Literal): string => {
  if (v === null) return 'NULL';
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v)) throw new Error(`${v} is not an integer`);
    return String(v);
  }
  return typeof v === 'string' ? pg.escapeLiteral(v) : `ARRAY[${v.map(literal).join(', ')}]`;
};
/** A statement with its $n placeholders replaced by literals, for a simple query holding several statements. */
const inline = (sql: string, params: Literal[]): string => sql.replace(/\$(\d+)/g, (_, n: string) => literal(params[Number(n) - 1] ?? null));

/**
 * The event store on PostgreSQL, shared by every server process that points at the same database. Each write is one
 * statement (data-modifying CTEs) or one transaction, so it is all or nothing; the primary key (session_id, seq)
 * decides which of two writers of the same seq wins. Unlike SQLite's secure_delete, PostgreSQL leaves deleted rows'
 * bytes in its pages and WAL until they are reused: erasure on disk is the database operator's (VACUUM, encrypted
 * volumes).
 */
export async function openPostgresStore(opts: PostgresOptions): Promise<AsyncEventStore> {
  const schema = opts.schema ?? 'public';
  if (!SCHEMA_NAME.test(schema)) throw new Error(`"${schema}" is not a usable schema name.`);
  const pool = new pg.Pool({
    connectionString: opts.connectionString,
    max: opts.maxConnections ?? 10,
    // A database that stops answering fails the command (its sender is told and may send it again) rather than
    // holding it, and the connection, for ever.
    connectionTimeoutMillis: 10_000,
    statement_timeout: 30_000,
  });
  // An idle connection the server dropped must not crash the process; the pool opens a new one when needed.
  pool.on('error', (e) => opts.log?.(`postgres: idle connection lost: ${e.message}`));
  try {
    const client = await pool.connect();
    try {
      await migratePostgres(client, schema);
    } finally {
      client.release();
    }
  } catch (e) {
    await pool.end();
    throw e;
  }

  const t = (table: string): string => `${schema}.${table}`;
  const one = async <R extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<R | undefined> =>
    (await pool.query<R>(sql, params)).rows[0];
  /** Runs `work` in a transaction on one connection of the pool. */
  const transaction = async <T>(work: (c: pg.PoolClient) => Promise<T>): Promise<T> => {
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      const out = await work(c);
      await c.query('COMMIT');
      return out;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      c.release();
    }
  };
  const latestSeq = async (sessionId: string): Promise<number> =>
    (await one<{ seq: number | null }>(`SELECT max(seq) AS seq FROM ${t('events')} WHERE session_id = $1`, [sessionId]))?.seq ?? 0;
  const sessionWhere = async (column: 'id' | 'join_code', value: string): Promise<SessionRecord | undefined> => {
    if (hasNul(value)) return undefined;
    const r = await one<Row>(`SELECT * FROM ${t('sessions')} WHERE ${column} = $1`, [value]);
    return r && toRecord(r);
  };

  /** Why a write of the session's events failed: the session is gone, or another writer took a seq first. */
  const notWritten = async (e: unknown, sessionId: string): Promise<AppendOutcome> => {
    if (sessionGone(e)) return { ok: false, conflict: false, deleted: true };
    if (uniqueViolation(e) !== EVENTS_SEQ_CONSTRAINT) throw e;
    return { ok: false, conflict: true, latestSeq: await latestSeq(sessionId) };
  };
  /** The rows of a group of batches (see AsyncEventStore.appendLocked) as the parameters of `sql.append`. */
  const appendParams = (sessionId: string, batches: readonly AppendBatch[]): Literal[] => {
    const events = batches.flatMap((b) => b.events);
    const answered = batches.filter((b) => b.commandId !== null);
    const joined = batches.flatMap((b) => (b.participant ? [b.participant] : []));
    return [
      sessionId, events.map((e) => e.seq), events.map((e) => JSON.stringify(e)),
      answered.map((b) => b.commandId), answered.map((b) => b.sender), answered.map((b) => JSON.stringify(b.result)),
      joined.map((p) => p.tokenHash), joined.map((p) => p.participantId),
    ];
  };

  const sql = {
    create: `WITH s AS (
        INSERT INTO ${t('sessions')} (id, join_code, facilitator_key_hash, title, created_at, last_active_at, ballot_secret)
        VALUES ($1, $2, $3, $4, $5, $6, $7))
      INSERT INTO ${t('events')} (session_id, seq, body) VALUES ($1, $8, $9)`,
    // Events, answers and tokens in one statement: a violation anywhere leaves none of them.
    append: `WITH e AS (
        INSERT INTO ${t('events')} (session_id, seq, body) SELECT $1, * FROM unnest($2::int[], $3::text[])),
      c AS (
        INSERT INTO ${t('commands')} (session_id, command_id, sender, result)
        SELECT $1, * FROM unnest($4::text[], $5::text[], $6::text[]) ON CONFLICT DO NOTHING)
      INSERT INTO ${t('participant_tokens')} (session_id, token_hash, participant_id)
      SELECT $1, * FROM unnest($7::text[], $8::text[])`,
    // The asked commands' stored answers, then what other writers stored after the writer's seq, in seq order
    // ('*': see commandResult).
    caughtUp: `SELECT body, NULL AS result, NULL AS command_id, NULL AS sender, seq FROM ${t('events')} WHERE session_id = $1 AND seq > $2
      UNION ALL
      SELECT NULL, c.result, c.command_id, k.sender, -1 FROM ${t('commands')} AS c
        JOIN unnest($3::text[], $4::text[]) AS k(id, sender) ON c.command_id = k.id AND c.sender IN (k.sender, '*')
        WHERE c.session_id = $1
      ORDER BY 5`,
    // The new snapshot and the removal of the older ones touch different rows, so one statement does both.
    snapshot: `WITH d AS (DELETE FROM ${t('snapshots')} WHERE session_id = $1 AND seq < $2)
      INSERT INTO ${t('snapshots')} (session_id, seq, state) VALUES ($1, $2, $3)
      ON CONFLICT (session_id, seq) DO UPDATE SET state = excluded.state`,
    rewrite: `WITH u AS (
        UPDATE ${t('events')} AS ev SET body = v.body FROM unnest($2::int[], $3::text[]) AS v(seq, body)
        WHERE ev.session_id = $1 AND ev.seq = v.seq),
      d AS (DELETE FROM ${t('snapshots')} WHERE session_id = $1 AND seq <> $4)
      INSERT INTO ${t('snapshots')} (session_id, seq, state) VALUES ($1, $4, $5)
      ON CONFLICT (session_id, seq) DO UPDATE SET state = excluded.state`,
    remove: `WITH ${SESSION_TABLES.map((tb) => `d_${tb} AS (DELETE FROM ${t(tb)} WHERE ${tb === 'sessions' ? 'id' : 'session_id'} = $1 RETURNING 1)`).join(', ')}
      SELECT ${SESSION_TABLES.map((tb) => `(SELECT count(*) FROM d_${tb})`).join(' + ')} AS n`,
  };

  return {
    createSession: async (rec, created) => {
      try {
        await pool.query(sql.create, [
          rec.id, rec.joinCode, rec.facilitatorKeyHash, withoutNul(rec.title), rec.createdAt, rec.lastActiveAt, rec.ballotSecret,
          created.seq, JSON.stringify(created),
        ]);
        return true;
      } catch (e) {
        if (uniqueViolation(e) !== undefined) return false;
        throw e;
      }
    },
    sessionById: (id) => sessionWhere('id', id),
    sessionByCode: (code) => sessionWhere('join_code', code),
    append: async (b) => {
      try {
        await pool.query(sql.append, appendParams(b.sessionId, [b]));
        return { ok: true };
      } catch (e) {
        return notWritten(e, b.sessionId);
      }
    },
    // Two round trips while the lock is held, as each costs the writer's event loop a turn on a busy machine: the
    // lock and the read in one simple query (each statement takes its own snapshot, so the read sees every commit
    // of the writers before), then the insert and the commit in another; hence literals instead of parameters.
    appendLocked: async (sessionId, afterSeq, commands, decide) => {
      const c = await pool.connect();
      try {
        const asked = commands.filter((k) => !hasNul(k.sender, k.id));
        const read = inline(sql.caughtUp, [sessionId, afterSeq, asked.map((k) => k.id), asked.map((k) => k.sender)]);
        const lockKey = writeLockKey(schema, sessionId);
        const results = (await c.query(`BEGIN; SELECT pg_advisory_xact_lock(${lockKey}); ${read}`)) as unknown as pg.QueryResult[];
        type Read = { body: string | null; result: string | null; command_id: string | null; sender: string | null };
        const rows = (results[2]?.rows ?? []) as Read[];
        const missed = rows.flatMap((r) => (r.body === null ? [] : [JSON.parse(r.body) as SessionEvent]));
        const answers = new Map<string, string>();
        for (const r of rows) if (r.result !== null && !answers.has(`${r.sender}\u0000${r.command_id}`)) answers.set(`${r.sender}\u0000${r.command_id}`, r.result);
        const earlier = (sender: string, id: string): CommandResult | undefined => {
          const answer = answers.get(`${sender}\u0000${id}`);
          return answer === undefined ? undefined : (JSON.parse(answer) as CommandResult);
        };
        const batches = decide({ missed, earlier });
        await c.query(batches.length ? `${inline(sql.append, appendParams(sessionId, batches))}; COMMIT` : 'COMMIT');
        return { ok: true };
      } catch (e) {
        await c.query('ROLLBACK').catch(() => {});
        return notWritten(e, sessionId);
      } finally {
        c.release();
      }
    },
    eventsSince: async (sessionId, afterSeq, limit) => {
      if (hasNul(sessionId)) return [];
      const { rows } = await pool.query<{ body: string }>(
        `SELECT body FROM ${t('events')} WHERE session_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
        [sessionId, afterSeq, limit ?? null],
      );
      return rows.map((r) => JSON.parse(r.body) as SessionEvent);
    },
    latestSnapshot: async (sessionId) => {
      if (hasNul(sessionId)) return undefined;
      const r = await one<{ seq: number; state: string }>(
        `SELECT seq, state FROM ${t('snapshots')} WHERE session_id = $1 ORDER BY seq DESC LIMIT 1`,
        [sessionId],
      );
      return r && { seq: r.seq, state: JSON.parse(r.state) as SessionState };
    },
    saveSnapshot: (sessionId, seq, state) => unlessGone(pool.query(sql.snapshot, [sessionId, seq, JSON.stringify(state)])),
    commandResult: async (sessionId, sender, commandId) => {
      if (hasNul(sessionId, sender, commandId)) return undefined;
      // '*': answers remembered before senders were recorded, kept for parity with SQLite (see sqliteSchema.ts).
      const r = await one<{ result: string }>(
        `SELECT result FROM ${t('commands')} WHERE session_id = $1 AND command_id = $2 AND sender IN ($3, '*') LIMIT 1`,
        [sessionId, commandId, sender],
      );
      return r && (JSON.parse(r.result) as CommandResult);
    },
    participantByTokenHash: async (sessionId, tokenHash) => {
      if (hasNul(sessionId, tokenHash)) return undefined;
      const r = await one<{ participant_id: string }>(
        `SELECT participant_id FROM ${t('participant_tokens')} WHERE session_id = $1 AND token_hash = $2`,
        [sessionId, tokenHash],
      );
      return r?.participant_id;
    },
    touch: async (sessionId, at) => {
      if (hasNul(sessionId)) return;
      await pool.query(`UPDATE ${t('sessions')} SET last_active_at = greatest(last_active_at, $1) WHERE id = $2`, [at, sessionId]);
    },
    idleSince: async (cutoff, limit) =>
      (
        await pool.query<{ id: string }>(
          `SELECT id FROM ${t('sessions')} WHERE last_active_at < $1 ORDER BY last_active_at, id COLLATE "C" LIMIT $2`,
          [cutoff, limit],
        )
      ).rows.map((r) => r.id),
    deleteSession: async (sessionId) => !hasNul(sessionId) && Number((await one<{ n: string }>(sql.remove, [sessionId]))?.n ?? 0) > 0,
    rewriteHistory: (sessionId, events, snap) =>
      unlessGone(
        pool.query(sql.rewrite, [
          sessionId, events.map((e) => e.seq), events.map((e) => JSON.stringify(e)), snap.seq, JSON.stringify(snap.state),
        ]),
      ),
    savedTemplate: async (id) => {
      if (hasNul(id)) return undefined;
      const r = await one<TemplateRow>(`SELECT * FROM ${t('saved_templates')} WHERE id = $1`, [id]);
      return (
        r && {
          id: r.id, body: r.body, ownerKeyHash: r.owner_key_hash, savedAt: Number(r.saved_at), sessionId: r.session_id, usedAt: Number(r.used_at),
        }
      );
    },
    // The table lock makes the counts and the insert one step for every process: two saves cannot pass a cap together.
    saveTemplate: (row, caps) =>
      transaction(async (c): Promise<SaveTemplateResult> => {
        await c.query(`LOCK TABLE ${t('saved_templates')} IN SHARE ROW EXCLUSIVE MODE`);
        const count = async (where: string, params: string[]): Promise<number> =>
          Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM ${t('saved_templates')} ${where}`, params)).rows[0]?.n ?? 0);
        if ((await count('WHERE session_id = $1', [row.sessionId])) >= caps.perSession) return 'session-full';
        if ((await count('', [])) >= caps.total) return 'full';
        await c.query(
          `INSERT INTO ${t('saved_templates')} (id, body, owner_key_hash, saved_at, session_id, used_at) VALUES ($1, $2, $3, $4, $5, $6)`,
          [row.id, row.body, row.ownerKeyHash, row.savedAt, row.sessionId, row.usedAt],
        );
        return 'added';
      }),
    touchSavedTemplate: async (id, at) => {
      if (hasNul(id)) return;
      await pool.query(`UPDATE ${t('saved_templates')} SET used_at = greatest(used_at, $1) WHERE id = $2`, [at, id]);
    },
    deleteSavedTemplate: async (id) => !hasNul(id) && ((await pool.query(`DELETE FROM ${t('saved_templates')} WHERE id = $1`, [id])).rowCount ?? 0) > 0,
    deleteUnusedTemplates: async (cutoff) => (await pool.query(`DELETE FROM ${t('saved_templates')} WHERE used_at < $1`, [cutoff])).rowCount ?? 0,
    close: () => pool.end(),
  };
}
