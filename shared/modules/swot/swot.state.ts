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
