import type { Dict } from '../../session/dict.js';

/** The module's name and its one kind of agenda item. */
export const SWOT = 'swot';
export const SWOT_QUADRANTS = ['Strengths', 'Weaknesses', 'Opportunities', 'Threats'] as const;

declare module '../../session/state.js' {
  interface ModuleSlices {
    /** The data cards per SWOT item. */
    swot: Dict<SwotState>;
  }
  interface ItemKinds {
    swot: true;
  }
}

/** A key figure from the agency's data reports, shown on every screen before and during the SWOT. */
export interface DataCard {
  id: string;
  title: string;
  value: string;
  note: string;
}

export interface SwotState {
  cards: DataCard[];
}

export const initialSwot = (): SwotState => ({ cards: [] });
