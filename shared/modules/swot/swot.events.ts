import type { DataCard } from './swot.state.js';

export type SwotEvent =
  | { type: 'swot.cardAdded'; itemId: string; card: DataCard }
  | { type: 'swot.cardEdited'; itemId: string; card: DataCard }
  | { type: 'swot.cardRemoved'; itemId: string; cardId: string };
