import { useState } from 'react';
import type { DataCard } from '../../../shared/modules/swot/swot.state.js';
import { DataCardForm, type DataCardDraft } from './DataCardForm.js';
import { DataCardTiles } from './DataCardTiles.js';

export interface DataCardsPanelProps {
  cards: DataCard[];
  onAdd: (card: DataCardDraft) => void;
  onEdit: (cardId: string, card: DataCardDraft) => void;
  onRemove: (cardId: string) => void;
}

/** The facilitator posts, corrects and removes the key figures from the agency's data reports. */
export function DataCardsPanel({ cards, onAdd, onEdit, onRemove }: DataCardsPanelProps) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <section className="card stack" aria-labelledby="data-cards-heading">
      <h2 id="data-cards-heading">Data cards ({cards.length})</h2>
      <DataCardTiles
        cards={cards}
        layout="console"
        actions={(c) =>
          editing === c.id ? (
            <DataCardForm
              initial={c}
              submitLabel="Save data card"
              onCancel={() => setEditing(null)}
              onSubmit={(card) => {
                onEdit(c.id, card);
                setEditing(null);
              }}
            />
          ) : (
            <div className="button-row">
              <button type="button" className="small" aria-label={`Edit data card ${c.title}`} onClick={() => setEditing(c.id)}>
                Edit
              </button>
              <button
                type="button"
                className="small danger"
                aria-label={`Remove data card ${c.title}`}
                onClick={() => {
                  if (window.confirm(`Remove the data card "${c.title}"?`)) onRemove(c.id);
                }}
              >
                Remove
              </button>
            </div>
          )
        }
      />
      <h3>Add a data card</h3>
      <DataCardForm submitLabel="Add data card" onSubmit={onAdd} />
    </section>
  );
}
