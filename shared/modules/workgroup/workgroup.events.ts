import type { CommandOf, CommandType } from '../../protocol/commands.js';
import type { ActionStep, GroupMessage, ReportAnswer, ReportField, Strategy, Theme, WorkGroup } from './workgroup.state.js';

declare module '../../session/events.js' {
  interface ModuleEvents {
    workgroup: WorkGroupEvent;
  }
}

export type WorkGroupCommand = CommandOf<Extract<CommandType, `workgroup.${string}`>>;

/** What a group timer command does; `at` of the event is the instant it happened (see workgroup.timer.ts). */
export type GroupTimerAction = 'start' | 'pause' | 'reset' | 'follow';

/**
 * Facts of the theme work groups. Events that add something carry it whole (its id decided once); everything else
 * names what it changes by id, and applying it to something gone leaves the state as it is.
 */
export type WorkGroupEvent =
  | { type: 'workgroup.themeAdded'; theme: Theme }
  | { type: 'workgroup.themeRenamed'; themeId: string; title: string }
  /** Its groups stay, without a theme. */
  | { type: 'workgroup.themeRemoved'; themeId: string }
  | { type: 'workgroup.themeMoved'; themeId: string; toIndex: number }
  | { type: 'workgroup.groupAdded'; group: WorkGroup }
  | { type: 'workgroup.groupRenamed'; workGroupId: string; name: string }
  /** Members, strategies and answers of `workGroupId` move to `intoId`; `workGroupId` is gone. */
  | { type: 'workgroup.groupsMerged'; workGroupId: string; intoId: string }
  | { type: 'workgroup.configured'; capacity: number | null; selfSelect: boolean }
  | { type: 'workgroup.capacitySet'; workGroupId: string; capacity: number | null }
  /** A participant put in a group, moved, or out of every group (null); leaving a group they led leaves it leaderless. */
  | { type: 'workgroup.assigned'; participantId: string; workGroupId: string | null }
  | { type: 'workgroup.leaderSet'; workGroupId: string; participantId: string | null }
  | { type: 'workgroup.timed'; workGroupId: string; action: GroupTimerAction; minutes?: number }
  /**
   * A message (null on the screens it is not for), and the oldest messages it pushed out of the capped list
   * (every screen drops them, so each screen's list stays what a fresh join would show it).
   */
  | { type: 'workgroup.messaged'; message: GroupMessage | null; dropIds: string[] }
  | { type: 'workgroup.strategyAdded'; strategy: Omit<Strategy, 'createdAt' | 'steps'> }
  | { type: 'workgroup.strategyEdited'; strategyId: string; text: string }
  | { type: 'workgroup.strategyRemoved'; strategyId: string }
  | { type: 'workgroup.strategyMoved'; strategyId: string; toIndex: number }
  | { type: 'workgroup.stepAdded'; strategyId: string; step: ActionStep }
  | { type: 'workgroup.stepEdited'; strategyId: string; stepId: string; what: string; owner: string; byWhen: string }
  | { type: 'workgroup.stepRemoved'; strategyId: string; stepId: string }
  | { type: 'workgroup.answerAdded'; answer: Omit<ReportAnswer, 'createdAt'> }
  | { type: 'workgroup.answerEdited'; answerId: string; text: string }
  | { type: 'workgroup.answerRemoved'; answerId: string }
  | { type: 'workgroup.readySet'; workGroupId: string; ready: boolean };

export type { ReportField };
