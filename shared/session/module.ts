import type { z } from 'zod';
import type { Command, CommandBody } from '../protocol/commands.js';
import type { fail } from '../protocol/results.js';
import type { Block, ReportOptions } from '../report/model.js';
import type { Rng } from '../rehearsal/rng.js';
import type { Decision } from './decide.js';
import type { EventBody, SessionEvent } from './events.js';
import type { Actor } from './permissions.js';
import type { AgendaItem, ModuleSlices, ModuleType, Note, SessionState } from './state.js';
import type { Viewer } from './visibility.js';

/**
 * The contract of a module: everything the core needs to run one, in one object the registry lists
 * (shared/modules/registry.ts). The core (shared/session/, shared/protocol/) names no module: it dispatches commands
 * and events by the prefix of their type, asks each module for its slice of the state, its visibility and its note
 * rules, and the types come together by declaration merging (ModuleCommands, ModuleEvents, ModuleSlices, ItemKinds).
 */
export interface SessionModule<C extends CommandBody = CommandBody, E extends EventBody = EventBody> {
  /** The prefix of its command and event types: "flow" owns "flow.advance" and "flow.advanced". */
  name: string;
  /**
   * Its command schemas: zod members of the command union (see `commandSchema` in shared/protocol/schema.ts), loaded
   * on demand (`loadProtocol`), so that a phone, which validates nothing, never downloads the validation library.
   */
  commands?: () => Promise<readonly z.ZodType[]>;
  /** Which of its commands only the facilitator may send. */
  facilitatorOnly?: readonly C['type'][];
  /**
   * Its anonymous commands: their events never name the sender (a ballot stands in, see Actor.ballot), so the server
   * keeps the link only in memory: it remembers their answer without the seq (nothing stored ties sender to event),
   * and it sends their events' full form to the sender's own screens only (their personal room), every other
   * participant getting the shared form. A decision may refuse one sent without a ballot.
   */
  anonymous?: readonly C['type'][];
  /** Which of its commands an ended (read-only) session still takes, such as sharing the results with the room. */
  afterEnd?: readonly C['type'][];
  /** The state field it owns (its name in stored snapshots) and that field's value before any event. */
  slice?: ModuleSlice;
  /** Its events applied to the state. Events were validated when written: never throws, ignores what is gone. */
  apply?(s: SessionState, e: E & EventMeta): SessionState;
  /** The decision for one of its commands, after the core checked the session is running and `can` passed. */
  decide?(s: SessionState, actor: Actor, cmd: C & { id: string }, ctx: DecideContext): Decision;
  /** Its permission rule beyond `facilitatorOnly`, for one of its commands against the state (true when absent). */
  can?(actor: Actor, cmd: C, s: SessionState): boolean;
  /** The participant (or participants: a group's members) who see this event of its own differently from all others. */
  personalFor?(e: E): string | readonly string[] | null;
  /** One of its events as a viewer who is not the facilitator may see it; `hidden` stands in for nothing at all. */
  eventFor?(e: E & EventMeta, viewer: Viewer, hidden: SessionEvent): SessionEvent;
  /** Its slice as a viewer who is not the facilitator may see it, for a snapshot. */
  stateFor?(s: SessionState, viewer: Viewer): Partial<ModuleSlices>;
  /** The kinds of agenda item it provides. */
  kinds?: readonly ItemKind[];
  /** The rules for notes on the items whose kind runs this module (see ItemKind.runs). */
  notes?: NotePolicy;
  /** Events that take a note out of this module's data before it leaves its column, is deleted or erased. */
  noteLeaving?(s: SessionState, note: Note): EventBody[];
  /** A deleted note coming back (undo): the note with what no longer exists (a dissolved group) taken out of it. */
  noteReturning?(s: SessionState, note: Note): Note;
  /**
   * Events after a deleted note came back (undo) that put back what its leaving took, as far as still possible (its
   * dissolved group, the dots on it during the vote). `left`: the events its `noteLeaving` gave at the delete.
   */
  noteReturned?(s: SessionState, note: Note, left: readonly EventBody[]): EventBody[];
  /** Participant inputs of its own a closed step can leave waiting (late input; see LateInputs), and why one was late. */
  lateInputs?: readonly Extract<C['type'], keyof LateInputs>[];
  closedStep?(s: SessionState, actor: Participant, input: Extract<C, LateInput>, ctx: DecideContext): ClosedStep | null;
  /** A participant's command was refused: a module may keep it instead (late input). Null leaves the refusal. */
  refused?(s: SessionState, actor: Participant, cmd: Command, ctx: DecideContext): Decision | null;
  /**
   * Its rehearsal hooks (shared/rehearsal), loaded on demand like `commands`, so that a phone never downloads them.
   */
  rehearsal?: () => Promise<RehearsalHooks>;
}

export type EventMeta = { seq: number; at: number };

/** What a module does in a rehearsal with simulated participants (shared/rehearsal), on the items whose kind runs it. */
export interface RehearsalHooks {
  /**
   * What a simulated participant does next on the item, from the state their own screen holds; null when they have
   * nothing more to do there now (each stops after a plausible amount). Any command, the core's too (a note). The item
   * comes with its columns resolved (its kind's defaults when it has none).
   */
  simulate?(s: SessionState, item: AgendaItem, participantId: string, rng: Rng): CommandBody | null;
  /** The facilitator's next step on the item's main activity (advance, open, close, show); null when it is done. */
  drive?(s: SessionState, item: AgendaItem, rng: Rng): CommandBody | null;
}

/**
 * Command types a closed step can leave waiting as late input: the core's notes, and each module's that it adds
 * (`declare module '../../session/module.js' { interface LateInputs { 'flow.dot': true } }`).
 */
export interface LateInputs {
  'note.add': true;
  'note.edit': true;
}
export type LateInput = Extract<CommandBody, { type: keyof LateInputs }>;
export type Participant = Extract<Actor, { role: 'participant' }>;
export type Refusal = ReturnType<typeof fail>;
export type NoteAction = 'add' | 'edit' | 'move' | 'delete';
/** Why a participant's input was late: the item whose step had closed and a sentence ("The vote was over."). */
export type ClosedStep = { itemId: string; reason: string };

export type ModuleSlice = { [K in keyof ModuleSlices]-?: { field: K; initial: () => NonNullable<ModuleSlices[K]> } }[keyof ModuleSlices];

/** A kind of agenda item, as the facilitator picks it. */
export interface ItemKind {
  type: ModuleType;
  label: string;
  /** Whether participants post notes into this item's board. */
  hasBoard: boolean;
  defaultColumns: readonly string[];
  /** The modules (by name) whose commands and note rules apply to items of this kind, besides the core's. */
  runs: readonly string[];
  /** Its section of a report (shared/report/model.ts): pure, state in, blocks out. */
  report(s: SessionState, item: AgendaItem, options: ReportOptions, kinds: ReportKinds): Block[];
  /** The report-out of one group of an item, or null when the item has no such group (absent: no groups). */
  groupReport?(s: SessionState, item: AgendaItem, groupId: string, options: ReportOptions, kinds: ReportKinds): Block[] | null;
  /** What a group is called in a report's title and file name, or null when the item has no such group. */
  groupTitle?(s: SessionState, item: AgendaItem, groupId: string, kinds: ReportKinds): string | null;
}

/** What a report section may ask about kinds: the columns of any item. */
export type ReportKinds = Pick<KindTable, 'columnsOf'>;

/** What the core asks about an item kind: the registry's table. */
export interface KindTable {
  types: readonly [ModuleType, ...ModuleType[]];
  kindOf(type: ModuleType): ItemKind;
  /** Columns of an item's board: its own, or its kind's defaults. */
  columnsOf(item: Pick<AgendaItem, 'moduleType' | 'columns'>): string[];
  /** Whether the module of that name runs on this item. */
  runs(item: Pick<AgendaItem, 'moduleType'> | undefined, module: string): boolean;
}

/**
 * How notes behave on the items of a kind that runs this module. Items without one are open boards: notes are
 * public, named, and each participant changes their own while the board is unlocked.
 */
export interface NotePolicy {
  /** Notes are anonymous to everyone but their author and the facilitator. A note keeps this policy for good. */
  anonymous: boolean;
  /** Whether a note of this item, written or read now, is private to its author and the facilitator. */
  isPrivate(s: SessionState, itemId: string): boolean;
  /** A refusal for this note action now, or null when it may go ahead. */
  refuse(s: SessionState, actor: Actor, itemId: string, action: NoteAction): Refusal | null;
  /** For a participant's note refused because its step closed: why, as the late entry says it (null: not late). */
  closedReason(s: SessionState, itemId: string, action: 'add' | 'edit'): string | null;
  /** Whether a participant may move someone else's note now (the room clustering together). */
  othersMayMove(s: SessionState, itemId: string): boolean;
}

/** What a module's decision may use besides the state: ids, the clock, the kinds and the whole session's rules. */
export interface DecideContext {
  now: number;
  newId: () => string;
  kinds: KindTable;
  /** The session's on-time rules for any command (the core's and every module's). */
  decide(s: SessionState, actor: Actor, cmd: Command): Decision;
  /** Whether a participant's input was refused only because its step closed, whichever module owns it. */
  closedStep(s: SessionState, actor: Participant, input: LateInput): ClosedStep | null;
  /** Whether a command is an input that can be kept as late input (the core's notes and every module's `lateInputs`). */
  isLateInput(cmd: CommandBody): cmd is LateInput;
}

/** Declares a module with its own command and event types (checked against the contract). */
export const defineModule = <C extends CommandBody = never, E extends EventBody = never>(m: SessionModule<C, E>): SessionModule<C, E> => m;
