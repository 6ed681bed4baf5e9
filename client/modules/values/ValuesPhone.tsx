import { SCALE_LABELS, type CandidateValue, type Scale, type ValuesSurvey } from '../../../shared/modules/values/values.state.js';
import type { ModuleScreenProps } from '../types.js';
import { useSession } from '../../store.js';
import { ownScore } from '../../../shared/modules/values/values.results.js';
import { ProposeCard } from './ProposeCard.js';
import { RateRow } from './RateRow.js';
import { ResultsChart } from './ResultsChart.js';
import { useRating, type NotCounted } from './notCounted.js';
import { useResults, useSurvey, useTopGap, valuesInOrder } from './useValues.js';
import { PHONE_PHASE_WORDS, SCALE_NAMES, SCALES } from './words.js';

/** A rating the survey did not count: what it was, why, and (once the survey is open again) send it again. */
function NotCountedNote({ entry, open, onResend, onDrop }: { entry: NotCounted; open: boolean; onResend: () => void; onDrop: () => void }) {
  return (
    <div className="vs-not-counted" role="note">
      <p>
        <strong>Not counted:</strong> your {SCALE_NAMES[entry.scale].toLowerCase()} answer {entry.score}, {SCALE_LABELS[entry.scale][entry.score - 1]}.{' '}
        {entry.reason}
      </p>
      {!open && <p className="muted">If the facilitator reopens the survey, you can send it again.</p>}
      <div className="button-row">
        {open && (
          <button type="button" className="small primary" onClick={onResend}>
            Send it again
          </button>
        )}
        <button type="button" className="small" onClick={onDrop}>
          Let it go
        </button>
      </div>
    </div>
  );
}

/** The answers this phone has on its way to the server, by value and scale. */
function useSending(itemId: string): (valueId: string, scale: Scale) => number | null {
  const queued = useSession((s) => s.queued);
  return (valueId, scale) => {
    const q = [...queued].reverse().find((c) => c.type === 'values.rate' && c.payload.itemId === itemId && c.payload.valueId === valueId && c.payload.scale === scale);
    return q?.type === 'values.rate' ? (q.payload.score ?? null) : null;
  };
}

function ValueCard({ itemId, value, survey }: { itemId: string; value: CandidateValue; survey: ValuesSurvey }) {
  const { notCounted, rate, drop } = useRating(itemId);
  const sending = useSending(itemId);
  const open = survey.phase === 'open';
  return (
    <li className="phone-card vs-value">
      <h3 className="vs-value-name">{value.name}</h3>
      {value.description && <p className="vs-value-desc">{value.description}</p>}
      {SCALES.map((scale) => {
        const kept = notCounted.find((n) => n.valueId === value.id && n.scale === scale);
        return (
          <div key={scale} className="stack vs-scale-block">
            <RateRow valueName={value.name} scale={scale} answer={ownScore(survey, value.id, scale)} sending={sending(value.id, scale)} open={open} onRate={(score) => void rate(value.id, scale, score)} />
            {kept && <NotCountedNote entry={kept} open={open} onResend={() => void rate(kept.valueId, kept.scale, kept.score)} onDrop={() => drop(kept)} />}
          </div>
        );
      })}
    </li>
  );
}

/** Not-counted ratings of values no longer in the survey: still shown, with why, until the person lets them go. */
function Orphans({ itemId, survey }: { itemId: string; survey: ValuesSurvey }) {
  const { notCounted, drop } = useRating(itemId);
  const gone = notCounted.filter((n) => !survey.order.includes(n.valueId));
  if (gone.length === 0) return null;
  return (
    <section className="phone-card stack" aria-label="Answers not counted">
      <h2>Answers not counted</h2>
      <p className="muted">These answers were for a value the facilitator has since removed.</p>
      {gone.map((n) => (
        <NotCountedNote key={`${n.valueId}:${n.scale}`} entry={n} open={false} onResend={() => undefined} onDrop={() => drop(n)} />
      ))}
    </section>
  );
}

/** The survey on a phone: rate each value on both scales, propose a value, and the results once shown. */
export function ValuesPhone({ item }: ModuleScreenProps) {
  const survey = useSurvey(item.id);
  const me = useSession((s) => s.participantId);
  const results = useResults(survey);
  const top = useTopGap(results);
  const values = valuesInOrder(survey);
  const mine = Object.values(survey.proposals).filter((p) => me !== null && p.authorId === me);
  return (
    <>
      <p className={survey.phase === 'open' ? 'notice' : 'muted'} role="status">
        {PHONE_PHASE_WORDS[survey.phase]}
      </p>
      {survey.resultsShown && (
        <section className="phone-card stack" aria-labelledby="vs-results-heading">
          <h2 id="vs-results-heading">Results, ranked by gap</h2>
          <ResultsChart results={results} topIds={top} layout="phone" />
        </section>
      )}
      {values.length === 0 ? (
        <p className="muted">No values yet.</p>
      ) : (
        <ol className="vs-values" aria-label="Values to rate">
          {values.map((v) => (
            <ValueCard key={v.id} itemId={item.id} value={v} survey={survey} />
          ))}
        </ol>
      )}
      <Orphans itemId={item.id} survey={survey} />
      <ProposeCard itemId={item.id} survey={survey} mine={mine} />
    </>
  );
}
