import type { CommandOf, CommandType } from '../../protocol/commands.js';
import type { Theme, WorkGroup, Strategy, ReportAnswer } from '../workgroup/workgroup.state.js';
import type { ImportedSynthesisEntry, NextStep, Presenting, Reaction, SynthesisLink } from './plenary.state.js';

declare module '../../session/events.js' {
  interface ModuleEvents {
    plenary: PlenaryEvent;
  }
}

export type PlenaryCommand = CommandOf<Extract<CommandType, `plenary.${string}`>>;

/** What the import copies into this session: the kick-off's groups and their work, its synthesis and next steps. */
export interface PlenaryImport {
  title: string;
  createdAt: number;
  themes: Theme[];
  groups: WorkGroup[];
  strategies: Strategy[];
  answers: ReportAnswer[];
  synthesis: ImportedSynthesisEntry[];
  nextSteps: NextStep[];
}

/** Facts of the large group. */
export type PlenaryEvent =
  /** A group presents now (null: report-out mode ends). */
  | { type: 'plenary.presented'; presenting: Presenting | null }
  | { type: 'plenary.presentTimerSet'; timer: Presenting['timer'] }
  /**
   * A phone's question or reaction to the group presenting. `to`: the group's members when it was sent (and its
   * author), the participants who receive it; every other phone and the board get nothing (see plenaryEventFor).
   */
  | { type: 'plenary.reacted'; reaction: Reaction; to: string[] }
  /** A note pulled into the synthesis (the core's `note.added` comes just before it) keeps a link to its group. */
  | { type: 'plenary.pulled'; noteId: string; link: SynthesisLink }
  | { type: 'plenary.nextStepAdded'; nextStep: NextStep }
  | { type: 'plenary.nextStepEdited'; nextStep: NextStep }
  | { type: 'plenary.nextStepRemoved'; nextStepId: string }
  | { type: 'plenary.imported'; from: PlenaryImport };
