import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type IRateLimiterOptions, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** The abuse limits. Each has an environment variable (see `limitsFromEnv` and the README's table). */
export interface LimitSettings {
  /** Sessions one client address may create per window. */
  sessionsPerWindow: number;
  sessionWindowMinutes: number;
  /** Wrong join codes one address may try per hour before every further try waits, the wait doubling each time. */
  wrongCodesFree: number;
  /** The longest such wait, in seconds. */
  wrongCodeMaxWaitSeconds: number;
  /** Participants one session may have. */
  maxParticipants: number;
  /** Notes one participant may post per minute, whatever number of screens they post from. */
  notesPerMinute: number;
  /**
   * Answers one participant may send per minute (a rating in the values survey, a mark on the eco-map), over all
   * their screens: taps that replace an earlier answer, so a budget of their own, larger than the notes' (a phone
   * rating 30 values on both scales, or marking 40 partners, in a minute is normal use), still capped.
   */
  answersPerMinute: number;
  /** Clock probes one connection may send per minute. */
  clockProbesPerMinute: number;
  /** Reports and exports one client address may have made per minute (a shared report already made is free). */
  exportsPerMinute: number;
  /**
   * Looks for newer events one client address may make per minute from replays that follow a live session (each
   * open replay tab asks every few seconds): a budget apart from reports', since each look reads only what is new.
   */
  replayFollowsPerMinute: number;
  /** Agendas one client address may save as templates per hour. */
  templateSavesPerHour: number;
  /**
   * Rehearsals the server starts and runs at once (their simulated participants act in this process): a new one past
   * it is refused until one ends, is deleted or leaves memory.
   */
  rehearsalsAtOnce: number;
  /**
   * Commands that may wait their turn on one session in one process (each waits for the one before to be written):
   * past it, while the store is slow or gone, a command is refused at once and its sender sends it again later.
   */
  commandsWaitingPerSession: number;
}

export const DEFAULT_LIMITS: LimitSettings = {
  sessionsPerWindow: 30,
  sessionWindowMinutes: 10,
  wrongCodesFree: 20,
  wrongCodeMaxWaitSeconds: 900,
  maxParticipants: 2000,
  notesPerMinute: 30,
  answersPerMinute: 150,
  clockProbesPerMinute: 30,
  exportsPerMinute: 30,
  replayFollowsPerMinute: 120,
  templateSavesPerHour: 10,
  rehearsalsAtOnce: 20,
  commandsWaitingPerSession: 5000,
};

const ENV: Record<keyof LimitSettings, string> = {
  sessionsPerWindow: 'SESSION_CREATE_LIMIT',
  sessionWindowMinutes: 'SESSION_CREATE_WINDOW_MINUTES',
  wrongCodesFree: 'WRONG_CODE_FREE_TRIES',
  wrongCodeMaxWaitSeconds: 'WRONG_CODE_MAX_WAIT_SECONDS',
  maxParticipants: 'MAX_PARTICIPANTS',
  notesPerMinute: 'NOTES_PER_MINUTE',
  answersPerMinute: 'ANSWERS_PER_MINUTE',
  clockProbesPerMinute: 'CLOCK_PROBES_PER_MINUTE',
  exportsPerMinute: 'EXPORTS_PER_MINUTE',
  replayFollowsPerMinute: 'REPLAY_FOLLOWS_PER_MINUTE',
  templateSavesPerHour: 'TEMPLATE_SAVES_PER_HOUR',
  rehearsalsAtOnce: 'REHEARSALS_AT_ONCE',
  commandsWaitingPerSession: 'COMMANDS_WAITING_PER_SESSION',
};

/** Reads the limits from the environment; a variable that is not a positive whole number is an error at start. */
export function limitsFromEnv(env: NodeJS.ProcessEnv): LimitSettings {
  const out = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(ENV) as Array<keyof LimitSettings>) {
    const raw = env[ENV[key]];
    if (raw === undefined || raw === '') continue;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${ENV[key]} must be a whole number of at least 1 (it is "${raw}").`);
    out[key] = n;
  }
  return out;
}

export type Verdict = { ok: true } | { ok: false; retryAfterSeconds: number };
/**
 * A join-code try that was let through; `settle(true)` takes it back when the code was right (or the answer never went
 * out), `settle(false)` keeps it counted. Every try let through is settled once.
 */
export type CodeTry = { ok: true; settle(right: boolean): Promise<void> } | { ok: false; retryAfterSeconds: number };

/** How long a try past the free ones waits for the same address's tries in flight here to be settled. */
const IN_FLIGHT_WAIT_MS = 3000;

const ALLOWED: Verdict = { ok: true };
const refusedFor = (ms: number): { ok: false; retryAfterSeconds: number } => ({
  ok: false,
  retryAfterSeconds: Math.max(1, Math.ceil(ms / 1000)),
});
const HOUR = 3600;

/**
 * Every limit's counters, behind one small interface so that the in-memory limiters can be swapped for
 * rate-limiter-flexible's Redis ones when several server processes share the limits.
 */
export class Limits {
  private creations: RateLimiterAbstract;
  private codeTries: RateLimiterAbstract;
  private codeWait: RateLimiterAbstract;
  private codeWaits: RateLimiterAbstract;
  private notes: RateLimiterAbstract;
  private answers: RateLimiterAbstract;
  private clock: RateLimiterAbstract;
  private exports: RateLimiterAbstract;
  private follows: RateLimiterAbstract;
  private templateSaves: RateLimiterAbstract;
  /** Per address, this process's join-code tries whose answers have not gone out, and who waits for one to settle. */
  private inFlight = new Map<string, { count: number; waiters: Set<() => void> }>();

  /**
   * `shared`: several processes count together in this Redis (server/cluster.ts); while it does not answer, each
   * process counts in memory on its own (rate-limiter-flexible's insurance limiter) rather than refusing or waving
   * everyone through.
   */
  constructor(
    readonly settings: LimitSettings,
    shared?: { client: Redis; prefix: string } | null,
  ) {
    const s = settings;
    const limiter = (o: IRateLimiterOptions & { keyPrefix: string }): RateLimiterAbstract =>
      shared
        ? new RateLimiterRedis({ ...o, storeClient: shared.client, keyPrefix: `${shared.prefix}:limit:${o.keyPrefix}`, insuranceLimiter: new RateLimiterMemory(o) })
        : new RateLimiterMemory(o);
    this.creations = limiter({ keyPrefix: 'create', points: s.sessionsPerWindow, duration: s.sessionWindowMinutes * 60 });
    this.codeTries = limiter({ keyPrefix: 'code', points: s.wrongCodesFree, duration: HOUR });
    // One try may pass while no wait is running; passing starts the next wait (points: 1).
    this.codeWait = limiter({ keyPrefix: 'code-wait', points: 1, duration: s.wrongCodeMaxWaitSeconds });
    this.codeWaits = limiter({ keyPrefix: 'code-waits', points: 1, duration: HOUR });
    this.notes = limiter({ keyPrefix: 'notes', points: s.notesPerMinute, duration: 60 });
    this.answers = limiter({ keyPrefix: 'answers', points: s.answersPerMinute, duration: 60 });
    this.clock = limiter({ keyPrefix: 'clock', points: s.clockProbesPerMinute, duration: 60 });
    this.exports = limiter({ keyPrefix: 'export', points: s.exportsPerMinute, duration: 60 });
    this.follows = limiter({ keyPrefix: 'replay-follow', points: s.replayFollowsPerMinute, duration: 60 });
    this.templateSaves = limiter({ keyPrefix: 'template-save', points: s.templateSavesPerHour, duration: HOUR });
  }

  sessionCreation(address: string): Promise<Verdict> {
    return take(this.creations, address);
  }

  /**
   * A join by code from `address`. The first `wrongCodesFree` tries an hour pass; after that one try passes per
   * wait, and each wait is twice the one before (1 s, 2 s, 4 s ... up to the maximum). Every try counts until
   * `settle(true)` takes it back, so parallel guesses cannot slip through before their answers are counted; a try past the
   * free ones first waits (up to 3 s) for the tries of its address still in flight on this process to settle.
   */
  async joinCodeTry(address: string): Promise<CodeTry> {
    // Phones of one venue join at once behind one address: a try past the free ones first waits while this
    // process has tries of that address in flight, as right codes give theirs back (each still counts meanwhile).
    const deadline = Date.now() + IN_FLIGHT_WAIT_MS;
    let free = await take(this.codeTries, address);
    while (!free.ok && (this.inFlight.get(address)?.count ?? 0) > 0 && Date.now() < deadline) {
      await this.codeTries.reward(address, 1); // a refused consume still counts: this try is not over yet
      await this.settledOne(address, deadline - Date.now());
      free = await take(this.codeTries, address);
    }
    const refund = () => this.codeTries.reward(address, 1).then(() => undefined);
    if (free.ok) return this.flying(address, async (right) => (right ? refund() : undefined));
    const waitsSoFar = (await this.codeWaits.get(address))?.consumedPoints ?? 0;
    const waitSeconds = Math.min(this.settings.wrongCodeMaxWaitSeconds, 2 ** waitsSoFar);
    const wait = await this.codeWait.penalty(address, 1, { customDuration: waitSeconds });
    if (wait.consumedPoints > 1) return refusedFor(wait.msBeforeNext);
    await this.codeWaits.penalty(address, 1);
    // A right code is not a guess: it gives back its try and the wait it started.
    return this.flying(address, async (right) => {
      if (!right) return;
      await refund();
      await this.codeWait.delete(address);
      await this.codeWaits.reward(address, 1);
    });
  }

  /** A try let through, counted in flight until settled (once). */
  private flying(address: string, settle: (right: boolean) => Promise<void>): CodeTry {
    const entry = this.inFlight.get(address) ?? { count: 0, waiters: new Set<() => void>() };
    entry.count++;
    this.inFlight.set(address, entry);
    let settled = false;
    return {
      ok: true,
      settle: async (right) => {
        if (settled) return;
        settled = true;
        try {
          await settle(right);
        } finally {
          entry.count--;
          // One waiter at a time (the longest waiting): a settled try frees at most one, and waking them all would
          // send every waiter to the limiter (Redis, with several processes) on every answer of a venue's join storm.
          const first = entry.waiters.values().next();
          if (!first.done) first.value();
          this.forget(address, entry);
        }
      },
    };
  }

  /** Lets go of an address's entry once nothing is in flight and nobody waits on it. */
  private forget(address: string, entry: { count: number; waiters: Set<() => void> }): void {
    if (entry.count === 0 && entry.waiters.size === 0 && this.inFlight.get(address) === entry) this.inFlight.delete(address);
  }

  /** Resolves when one of the address's tries in flight is settled (the waiter woken next), or after `ms`. */
  private settledOne(address: string, ms: number): Promise<void> {
    const entry = this.inFlight.get(address);
    if (!entry) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        entry.waiters.delete(wake);
        this.forget(address, entry);
        resolve();
      };
      const timer = setTimeout(wake, Math.max(1, ms));
      entry.waiters.add(wake);
    });
  }

  /** A join by code that was refused but turned out to be a returning participant: it gives back its try. */
  returningParticipant(address: string): Promise<void> {
    return this.codeTries.reward(address, 1).then(() => undefined);
  }

  note(sessionId: string, participantId: string): Promise<Verdict> {
    return take(this.notes, `${sessionId}:${participantId}`);
  }

  answer(sessionId: string, participantId: string): Promise<Verdict> {
    return take(this.answers, `${sessionId}:${participantId}`);
  }

  clockProbe(connectionId: string): Promise<Verdict> {
    return take(this.clock, connectionId);
  }

  reportExport(address: string): Promise<Verdict> {
    return take(this.exports, address);
  }

  replayFollow(address: string): Promise<Verdict> {
    return take(this.follows, address);
  }

  templateSave(address: string): Promise<Verdict> {
    return take(this.templateSaves, address);
  }

  participantsFull(count: number): boolean {
    return count >= this.settings.maxParticipants;
  }
}

async function take(limiter: RateLimiterAbstract, key: string): Promise<Verdict> {
  try {
    await limiter.consume(key);
    return ALLOWED;
  } catch (e) {
    if (e instanceof RateLimiterRes) return refusedFor(e.msBeforeNext);
    throw e;
  }
}
