import type { CommandOf, CommandType } from '../../protocol/commands.js';
import type { LateEntry, LateStatus } from './late.state.js';

declare module '../../session/events.js' {
  interface ModuleEvents {
    late: LateEvent;
  }
}

export type LateCommand = CommandOf<Extract<CommandType, `late.${string}`>>;

/** Facts about late input. Both name the author, so the fan-out can route them to that one phone. */
export type LateEvent =
  | { type: 'late.received'; entry: Omit<LateEntry, 'receivedAt'> }
  | { type: 'late.resolved'; entryId: string; itemId: string; authorId: string; status: Exclude<LateStatus, 'pending'> };
