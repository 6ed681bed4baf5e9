import { useState } from 'react';
import { CFSR_OUTCOMES, CROSSWALK_LABELS, CROSSWALK_RATINGS, type CrosswalkRating, type OutcomeId } from '../../../shared/modules/vision/cfsr.js';

export interface CrosswalkFormProps {
  mine: Partial<Record<OutcomeId, CrosswalkRating>>;
  onRate: (outcomeId: OutcomeId, rating: CrosswalkRating) => void;
}

/** A participant rates how each CFSR outcome relates to the agency's mission and vision. */
export function CrosswalkForm({ mine: saved, onRate }: CrosswalkFormProps) {
  // A tap shows at once, before the server's copy of one's own ratings catches up.
  const [tapped, setTapped] = useState<Partial<Record<OutcomeId, CrosswalkRating>>>({});
  const mine = { ...saved, ...tapped };
  const rate = (id: OutcomeId, r: CrosswalkRating) => {
    setTapped((t) => ({ ...t, [id]: r }));
    onRate(id, r);
  };
  const done = CFSR_OUTCOMES.filter((o) => mine[o.id]).length;
  return (
    <div className="stack crosswalk-form">
      <p role="status">
        {done} of {CFSR_OUTCOMES.length} outcomes rated
      </p>
      {CFSR_OUTCOMES.map((o) => (
        <fieldset key={o.id} className="crosswalk-outcome" role="radiogroup" aria-label={`${o.id}: ${o.text}`}>
          <legend>
            <strong>{o.id}</strong> ({o.area}) {o.text}
          </legend>
          {CROSSWALK_RATINGS.map((r) => (
            <label key={r} className={`crosswalk-choice${mine[o.id] === r ? ' crosswalk-choice--chosen' : ''}`}>
              <input type="radio" name={`crosswalk-${o.id}`} value={r} checked={mine[o.id] === r} onChange={() => rate(o.id, r)} />
              {CROSSWALK_LABELS[r]}
            </label>
          ))}
        </fieldset>
      ))}
    </div>
  );
}
