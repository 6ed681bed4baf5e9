import type { CommandOf, CommandType } from '../../protocol/commands.js';
import type { CarryImport } from './carry.state.js';

declare module '../../session/events.js' {
  interface ModuleEvents {
    carry: CarryEvent;
  }
}

export type CarryCommand = CommandOf<Extract<CommandType, `carry.${string}`>>;

/** Facts of carrying forward: a new code (an earlier one stops working), a list imported, an import taken out. */
export type CarryEvent =
  | { type: 'carry.codeMade'; code: string }
  | { type: 'carry.imported'; import: CarryImport }
  | { type: 'carry.importRemoved'; importId: string };
