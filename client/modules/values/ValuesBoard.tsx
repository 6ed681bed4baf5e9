import { dictGet } from '../../../shared/session/dict.js';
import { count } from '../../../shared/report/format.js';
import type { ModuleScreenProps } from '../types.js';
import { PAGES_CLASS } from '../../views/board/useBoardPages.js';
import { ResultsChart } from './ResultsChart.js';
import { useResults, useSurvey, useTopGap, valuesInOrder } from './useValues.js';
import { PHASE_WORDS } from './words.js';

/** Before the results: the values with how many answered each, live, and how many have answered in all. */
function LiveCounts({ itemId }: { itemId: string }) {
  const survey = useSurvey(itemId);
  const values = valuesInOrder(survey);
  return (
    <>
      <div className="vs-board-status">
        <p className="vs-board-phase">{PHASE_WORDS[survey.phase]}</p>
        <p className="vs-board-respondents" role="status">
          {count(survey.respondents, 'person has', 'people have')} answered
        </p>
      </div>
      {values.length === 0 ? (
        <p className="board-empty">No values yet.</p>
      ) : (
        <ol className={`vs-board-values ${PAGES_CLASS}`} aria-label="Values">
          {values.map((v) => (
            <li key={v.id} className="vs-board-value">
              <p className="vs-board-value-name">{v.name}</p>
              {v.description && <p className="vs-board-value-desc">{v.description}</p>}
              <p className="vs-board-value-count">{count(dictGet(survey.answered, v.id) ?? 0, 'answer')}</p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function Results({ itemId }: { itemId: string }) {
  const survey = useSurvey(itemId);
  const results = useResults(survey);
  const top = useTopGap(results);
  return (
    <>
      <div className="vs-board-status">
        <p className="vs-board-phase">Ranked by gap: how important a value is, minus how consistently we live it today.</p>
        <p className="vs-board-respondents">{count(survey.respondents, 'person', 'people')} answered</p>
      </div>
      <ResultsChart results={results} topIds={top} layout="board" />
    </>
  );
}

/** The survey on the projector: live counts while people rate, the results chart once the facilitator shows it. */
export function ValuesBoard({ item }: ModuleScreenProps) {
  const shown = useSurvey(item.id).resultsShown;
  return <div className="vs-board">{shown ? <Results itemId={item.id} /> : <LiveCounts itemId={item.id} />}</div>;
}
