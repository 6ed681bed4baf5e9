import { PAGES_CLASS } from '../../views/board/useBoardPages.js';
import type { ReactNode } from 'react';
import type { DataCard } from '../../../shared/modules/swot/swot.state.js';

export interface DataCardTilesProps {
  cards: DataCard[];
  layout: 'console' | 'phone' | 'board';
  /** Controls under each card (the facilitator's Edit and Remove). */
  actions?: (card: DataCard) => ReactNode;
}

/** The key figures as big tiles: the figure first, then what it measures. */
export function DataCardTiles({ cards, layout, actions }: DataCardTilesProps) {
  if (cards.length === 0) return null;
  return (
    <ul className={`data-cards data-cards--${layout}${layout === 'board' ? ` ${PAGES_CLASS}` : ''}`} aria-label="Data cards">
      {cards.map((c) => (
        <li key={c.id} className="data-card">
          <p className="data-card-value">{c.value}</p>
          <p className="data-card-title">{c.title}</p>
          {c.note && <p className="data-card-note">{c.note}</p>}
          {actions?.(c)}
        </li>
      ))}
    </ul>
  );
}
