import type { CommandOf, CommandType } from '../../protocol/commands.js';
import type { DataCard } from './swot.state.js';

declare module '../../session/events.js' {
  interface ModuleEvents {
    swot: SwotEvent;
  }
}

export type SwotCommand = CommandOf<Extract<CommandType, `swot.${string}`>>;

export type SwotEvent =
  | { type: 'swot.cardAdded'; itemId: string; card: DataCard }
  | { type: 'swot.cardEdited'; itemId: string; card: DataCard }
  | { type: 'swot.cardRemoved'; itemId: string; cardId: string };
