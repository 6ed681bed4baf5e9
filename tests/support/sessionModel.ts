import type { Command, CommandBody } from '../../shared/protocol/commands.js';
import type { CommandError } from '../../shared/protocol/results.js';
import type { EventBody, SessionEvent } from '../../shared/session/events.js';
import type { Actor } from '../../shared/session/permissions.js';
import type { AgendaItem, SessionState } from '../../shared/session/state.js';
import { decide, decideCommand, reduce } from '../../shared/modules/registry.js';

/**
 * The server's decide-then-apply loop without the server, for unit tests of module rules: commands in, state out,
 * with the events kept so visibility can be checked too.
 */
export class SessionModel {
  state: SessionState;
  events: SessionEvent[] = [];
  private seq = 0;
  private ids = 0;
  now = 1_000;

  /** `now`: the server time the session is created at (and every event after, until a test moves it). */
  constructor(items: AgendaItem[], now?: number) {
    if (now !== undefined) this.now = now;
    this.state = reduce([]);
    this.push([{ type: 'session.created', id: 's1', title: 'Retreat', joinCode: 'ABCDEF', agenda: items }]);
  }

  private push(bodies: EventBody[]): SessionEvent[] {
    const events = bodies.map((b) => ({ ...b, seq: ++this.seq, at: this.now }) as SessionEvent);
    this.state = reduce(events, this.state);
    this.events.push(...events);
    return events;
  }

  join(participantId: string, name = participantId): Actor {
    this.push([{ type: 'participant.joined', participantId, name }]);
    return { role: 'participant', participantId, name };
  }

  /**
   * Runs one command; returns the refusal, or null when it was accepted. `late` runs the server's full decision,
   * which keeps input whose step closed as a late entry; without it, the on-time rules alone.
   */
  run(actor: Actor, body: CommandBody, id = `cmd-${++this.ids}-xyz`, late = false): CommandError | null {
    const d = (late ? decideCommand : decide)(this.state, actor, { id, ...body } as Command, this.now, () => `id${++this.ids}`);
    if (!d.ok) return d.error;
    this.push(d.events);
    return null;
  }

  /** Like run, but the command must be accepted. */
  ok(actor: Actor, body: CommandBody, id?: string): void {
    const err = this.run(actor, body, id);
    if (err) throw new Error(`${body.type} refused: ${err.message}`);
  }
}

export const agendaItem = (id: string, moduleType: AgendaItem['moduleType'], columns: string[] = []): AgendaItem => ({
  id,
  title: `Item ${id}`,
  plannedMinutes: 30,
  moduleType,
  facilitatorNotes: '',
  prompt: '',
  columns,
});

export const FACILITATOR: Actor = { role: 'facilitator' };

/** Two Threats notes by `author` on brainstorm item `itemId`, revealed and clustered: "note-one-1" onto "note-two-2". */
export function groupedPair(m: SessionModel, author: Actor, itemId = 'swot'): void {
  m.ok(author, { type: 'note.add', payload: { itemId, column: 'Threats', text: 'one' } }, 'note-one-1');
  m.ok(author, { type: 'note.add', payload: { itemId, column: 'Threats', text: 'two' } }, 'note-two-2');
  m.ok(FACILITATOR, { type: 'flow.advance', payload: { itemId, to: 'reveal' } });
  m.ok(FACILITATOR, { type: 'flow.advance', payload: { itemId, to: 'cluster' } });
  m.ok(FACILITATOR, { type: 'flow.group', payload: { noteId: 'note-one-1', onto: { kind: 'note', id: 'note-two-2' } } });
}
