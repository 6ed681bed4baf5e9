import type { CommandOf, CommandType } from '../../protocol/commands.js';
import type { Dict } from '../../session/dict.js';
import type { Note } from '../../session/state.js';
import type { NoteGroup, Phase, VoteTarget } from './flow.state.js';

declare module '../../session/events.js' {
  interface ModuleEvents {
    flow: FlowEvent;
  }
}

/** The flow's commands (see flow.commands.ts). */
export type FlowCommand = CommandOf<Extract<CommandType, `flow.${string}`>>;

/** Facts of the brainstorm flow. */
export type FlowEvent =
  | {
      type: 'flow.advanced';
      itemId: string;
      phase: Phase;
      /** On reveal: every note of the item, for screens that saw only counts during the brainstorm. */
      revealed?: Note[];
      /** On results: the dots per target, made public. */
      totals?: Dict<number>;
      /** A step taken back. Back to the brainstorm: these notes are private again (screens that may not read them keep stand-ins). */
      back?: true;
      concealed?: string[];
      /** Back from the vote with the dots cleared. */
      clearedDots?: true;
    }
  | { type: 'flow.configured'; itemId: string; dotsPerPerson: number; maxPerItem: number }
  | { type: 'flow.grouped'; itemId: string; noteIds: string[]; group: NoteGroup; created: boolean }
  /** `group`: the group it was the last note of, as it was (for an undo of the delete to rebuild it; absent in older events). */
  | { type: 'flow.ungrouped'; itemId: string; noteId: string; dissolved: string | null; group?: NoteGroup }
  | { type: 'flow.groupRenamed'; itemId: string; groupId: string; name: string }
  | { type: 'flow.groupMoved'; itemId: string; groupId: string; column: string }
  | { type: 'flow.dotted'; itemId: string; voter: string; target: VoteTarget; delta: 1 | -1 }
  | { type: 'flow.carried'; itemId: string; target: VoteTarget; carried: boolean }
  /** Lower vote limits took back a voter's latest dots (`removed`: target keys, one per dot, latest first). */
  | { type: 'flow.dotsTrimmed'; itemId: string; voter: string; removed: string[]; dotsPerPerson: number; maxPerItem: number }
  /**
   * The facilitator hid a note before the reveal, or showed it again. `note`: the note as its author and the facilitator
   * have it; every other screen gets its stand-in on showing during the brainstorm, the note itself (anonymous) on
   * showing after the reveal (`revealed`), and on hiding only the id (they drop the note).
   */
  | { type: 'flow.noteHidden'; itemId: string; noteId: string; hidden: boolean; note: Note; revealed?: true };
