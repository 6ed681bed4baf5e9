import { nanoid } from 'nanoid';
import type { CommandResult } from '../shared/protocol/results.js';
import { stateFor } from '../shared/modules/registry.js';
import { driveNext, loadRehearsal, simulateNext } from '../shared/rehearsal/rehearse.js';
import { seededRng, type Rng } from '../shared/rehearsal/rng.js';
import { paceOf } from '../shared/modules/rehearsal/rehearsal.logic.js';
import { keyedValues } from '../shared/session/keyed.js';
import { participantById } from '../shared/session/notes.js';
import type { SessionState } from '../shared/session/state.js';
import { ballotOf } from './ballots.js';
import { joinNewParticipant, type JoinDeps } from './join.js';
import { runCommand } from './pipeline.js';
import type { LiveSession } from './sessions/hub.js';
import { REHEARSAL_NAMES, SAY_REHEARSAL, type RehearsalSettings, type RehearsalStatus } from './rehearsalRules.js';

export interface RehearsalDeps extends JoinDeps {
  now: () => number;
}

interface Bot {
  id: string;
  rng: Rng;
  /** The item on which the server refused this bot once: it waits for the next item. */
  refusedOn: string | null;
}

interface Run {
  session: LiveSession;
  bots: Bot[];
  next: number;
  /** Accepted and refused commands of the simulated participants since the rehearsal came into memory. */
  actions: number;
  refusals: number;
  timer: NodeJS.Timeout | null;
}

/** While paused, how often the room looks whether the facilitator resumed it (by a command from any screen). */
const PAUSED_CHECK_MS = 1000;

/**
 * The simulated participants of rehearsal sessions, run here in the session's process. They join through the one join
 * path (flagged `simulated`) and send through the one command pipeline with a participant's own checks; each acts on
 * the current agenda item with its modules' `simulate` hooks, at the pace the log last set (`rehearsal.paced`). They
 * stop when the session ends, is deleted or leaves memory, and resume whenever a rehearsal session is loaded again.
 */
export class Rehearsals {
  private runs = new Map<string, Run>();
  constructor(private deps: RehearsalDeps) {
    deps.hub.onUnload((sessionId) => this.stop(sessionId));
    deps.hub.onLoad((session) => void this.resume(session));
  }

  /** Joins the simulated participants and starts them at the pace given (a refusal's sentence if the room is full). */
  async start(session: LiveSession, settings: RehearsalSettings): Promise<RehearsalStatus | string> {
    await loadRehearsal();
    this.stop(session.record.id);
    for (let i = 0; i < settings.participants; i++) {
      const name = `${REHEARSAL_NAMES[i % REHEARSAL_NAMES.length] ?? 'Guest'}${i >= REHEARSAL_NAMES.length ? ` ${Math.floor(i / REHEARSAL_NAMES.length) + 1}` : ''} (simulated)`;
      const joined = await joinNewParticipant(this.deps, session, name, true);
      if (!joined.ok) return joined.error.message;
    }
    const paced = await this.facilitate(session, { pace: settings.pace, paused: false });
    if (!paced.ok) return paced.error.message;
    const run = this.resume(session);
    return run ? this.statusOf(run) : SAY_REHEARSAL.none;
  }

  /**
   * The rehearsal of a session in memory, started again from its log: its simulated participants (in the order they
   * joined, each with a random source seeded from the session, so a resumed room is as reproducible as a new one) at
   * the pace it last set. Nothing for a real session, or one that ended.
   */
  private resume(session: LiveSession): Run | undefined {
    const id = session.record.id;
    const running = this.runs.get(id);
    if (running?.session === session) return running;
    this.stop(id);
    if (!session.state.rehearsal || session.deleted || session.state.endedAt !== undefined) return undefined;
    const simulated = keyedValues(session.state.participants)
      .filter((p) => p.simulated)
      .sort((a, b) => a.joinedAt - b.joinedAt);
    const bots = simulated.map((p, i) => ({ id: p.id, rng: seededRng(session.record.createdAt + i * 7919 + session.state.seq), refusedOn: null }));
    const run: Run = { session, bots, next: 0, actions: 0, refusals: 0, timer: null };
    this.runs.set(id, run);
    // The hooks load once per process; until then the room waits.
    void loadRehearsal().then(() => this.schedule(run));
    return run;
  }

  /** Changes the pace or pauses / resumes, through the log: the refusal's sentence, or undefined with no rehearsal. */
  async update(sessionId: string, change: { pace?: number; paused?: boolean }): Promise<RehearsalStatus | string | undefined> {
    const run = this.running(sessionId);
    if (!run) return undefined;
    const result = await this.facilitate(run.session, change);
    if (!result.ok) return result.error.message;
    this.schedule(run);
    return this.statusOf(run);
  }

  /** Whether as many rehearsals run as the server takes at once (LimitSettings.rehearsalsAtOnce): none may start. */
  full(): boolean {
    return this.runs.size >= this.deps.limits.settings.rehearsalsAtOnce;
  }

  status(sessionId: string): RehearsalStatus | undefined {
    const run = this.running(sessionId);
    return run && this.statusOf(run);
  }

  private facilitate(session: LiveSession, payload: { pace?: number; paused?: boolean }): Promise<CommandResult> {
    return runCommand(this.deps, session, { role: 'facilitator' }, { id: nanoid(12), type: 'rehearsal.pace', payload });
  }

  /** The session's rehearsal while it runs: one whose session ended or was deleted stops here and now. */
  private running(sessionId: string): Run | undefined {
    const run = this.runs.get(sessionId);
    if (run && (run.session.deleted || run.session.state.endedAt !== undefined)) this.stop(sessionId);
    return this.runs.get(sessionId);
  }

  /** The facilitator's next step on the current item, taken for them ("let the rehearsal drive this step"). */
  async drive(session: LiveSession): Promise<{ type: string; result: CommandResult } | null> {
    const s = session.state;
    const item = s.agenda.find((i) => i.id === s.currentItemId);
    const cmd = item ? driveNext(stateFor(s, { role: 'facilitator' }), item, seededRng(s.seq)) : null;
    if (!cmd) return null;
    return { type: cmd.type, result: await runCommand(this.deps, session, { role: 'facilitator' }, { ...cmd, id: nanoid(12) }) };
  }

  stop(sessionId: string): void {
    const run = this.runs.get(sessionId);
    if (!run) return;
    if (run.timer) clearTimeout(run.timer);
    run.timer = null;
    this.runs.delete(sessionId);
  }

  /** Every rehearsal stops (the server is closing). */
  close(): void {
    for (const id of [...this.runs.keys()]) this.stop(id);
  }

  private statusOf(run: Run): RehearsalStatus {
    return { participants: run.bots.length, ...paceOf(run.session.state), actions: run.actions, refusals: run.refusals };
  }

  /** One simulated participant acts every 60 s / (pace × participants): each acts `pace` times a minute on average. */
  private schedule(run: Run): void {
    if (run.timer) clearTimeout(run.timer);
    run.timer = null;
    if (this.runs.get(run.session.record.id) !== run || run.bots.length === 0) return;
    const { pace, paused } = paceOf(run.session.state);
    run.timer = paused ? setTimeout(() => this.schedule(run), PAUSED_CHECK_MS) : setTimeout(() => void this.tick(run), 60_000 / (pace * run.bots.length));
    run.timer.unref();
  }

  private async tick(run: Run): Promise<void> {
    run.timer = null;
    const { session } = run;
    if (this.runs.get(session.record.id) !== run) return;
    if (session.deleted || session.state.endedAt !== undefined) return this.stop(session.record.id);
    const bot = run.bots[run.next++ % run.bots.length];
    if (bot && !paceOf(session.state).paused) await this.act(run, bot).catch(() => run.refusals++);
    if (this.runs.get(session.record.id) !== run) return;
    if (session.deleted || session.state.endedAt !== undefined) return this.stop(session.record.id);
    this.schedule(run);
  }

  /** The bot sees what its phone would see, and sends what its item's hooks make of that, as a participant. */
  private async act(run: Run, bot: Bot): Promise<void> {
    const { session } = run;
    const me = participantById(session.state, bot.id);
    const itemId = session.state.currentItemId;
    if (!me || !itemId || bot.refusedOn === itemId) return;
    const ballot = ballotOf(session.record.ballotSecret, bot.id);
    const view: SessionState = stateFor(session.state, { role: 'participant', participantId: bot.id, ballot });
    const item = view.agenda.find((i) => i.id === itemId);
    const cmd = item ? simulateNext(view, item, bot.id, bot.rng) : null;
    if (!cmd) return;
    const result = await runCommand(this.deps, session, { role: 'participant', participantId: bot.id, name: me.name, ballot }, { ...cmd, id: nanoid(12) });
    if (result.ok) run.actions++;
    else {
      run.refusals++;
      bot.refusedOn = itemId;
    }
  }
}
