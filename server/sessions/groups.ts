import type { Committed, CommitContext, Submission } from './commit.js';
import { commitGroup } from './commit.js';
import type { LiveSession } from './hub.js';

/** The most commands one group commit writes (one transaction); the rest go in the next. */
const GROUP_MAX = 500;
/** How many of the latest answer times `figures` keeps. */
const ANSWER_TIMES = 2_048;

/** A command waiting for its group commit, with its answer's promise. */
export interface Queued extends Submission {
  resolve: (c: Committed) => void;
  reject: (e: unknown) => void;
  queuedAt: number;
}

/** What this process's group commits did since it started (the bench prints them). */
export interface WriteFigures {
  groups: number;
  /** Commands (and joins) written or answered in them. */
  commands: number;
  largest: number;
  /** From queued to answered, over the latest 2,048 commands (ms; null before any). */
  answerP50Ms: number | null;
  answerP99Ms: number | null;
}

/**
 * A process's group commits: each session's commands queue here in the order they came (LiveSession.queued) and are
 * written together by commitGroup, one group at a time in the session's turn (`turn`, SessionHub.exclusive).
 */
export class GroupCommits {
  private written = { groups: 0, commands: 0, largest: 0, answered: 0, answerMs: new Float64Array(ANSWER_TIMES) };

  constructor(
    private commits: CommitContext,
    private turn: (s: LiveSession, work: () => Promise<void>) => Promise<void>,
  ) {}

  /**
   * Queues a command for the session's next group commit and answers once it is written and applied: call it in the
   * session's turn (`exclusive`), so that commands are decided in the order they came. Commands queued while a group
   * is being written go together in the next one (one transaction, one turn of the store's write lock), which is
   * how one session takes many writes a second from several processes. The same sender's command id queued or being
   * written already shares that one's answer (and its `written` runs once).
   */
  enqueue(s: LiveSession, submission: Submission): Promise<Committed> {
    const key = submission.command && `${submission.command.sender}\u0000${submission.command.id}`;
    const same = key === null ? undefined : s.inFlight.get(key);
    if (same) return same;
    const answer = new Promise<Committed>((resolve, reject) => s.queued.push({ ...submission, resolve, reject, queuedAt: performance.now() }));
    if (key !== null) {
      s.inFlight.set(key, answer);
      const forget = (): void => void s.inFlight.delete(key);
      answer.then(forget, forget);
    }
    if (!s.groupQueued) {
      s.groupQueued = true;
      void this.turn(s, () => this.commitQueued(s));
    }
    return answer;
  }

  /**
   * Writes what is queued on the session as one group (at most GROUP_MAX; the rest in a turn after), each command's
   * `written` run in seq order as the state moves on (commitGroup), then answers each. Called in the session's
   * turn: from `enqueue`'s own turn, or first thing by a turn that must see every earlier command applied.
   */
  async commitQueued(s: LiveSession): Promise<void> {
    s.groupQueued = false;
    const group = s.queued.splice(0, GROUP_MAX);
    if (s.queued.length && !s.groupQueued) {
      s.groupQueued = true;
      void this.turn(s, () => this.commitQueued(s));
    }
    if (!group.length) return;
    let outcomes: Committed[];
    try {
      outcomes = await commitGroup(this.commits, s, group);
    } catch (e) {
      for (const g of group) g.reject(e);
      return;
    }
    const w = this.written;
    w.groups++;
    w.commands += group.length;
    w.largest = Math.max(w.largest, group.length);
    const at = performance.now();
    group.forEach((g, i) => {
      w.answerMs[w.answered++ % ANSWER_TIMES] = at - g.queuedAt;
      g.resolve(outcomes[i] ?? { ok: false, why: 'busy' });
    });
  }

  figures(): WriteFigures {
    const { groups, commands, largest, answered, answerMs } = this.written;
    const times = answerMs.slice(0, Math.min(answered, ANSWER_TIMES)).sort();
    const at = (p: number): number | null => (times.length ? times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]! : null);
    return { groups, commands, largest, answerP50Ms: at(50), answerP99Ms: at(99) };
  }
}
