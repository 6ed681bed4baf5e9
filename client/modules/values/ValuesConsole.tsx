import type { ModuleScreenProps } from '../types.js';
import { FollowUp } from './FollowUp.js';
import { ProposalQueue } from './ProposalQueue.js';
import { ResultsTable } from './ResultsTable.js';
import { SurveyControls } from './SurveyControls.js';
import { ValueList } from './ValueList.js';
import { useResults, useSurvey, useTopGap } from './useValues.js';
import { topGap } from '../../../shared/modules/values/values.results.js';

/**
 * The survey on the console: phase and counts first; while setting up, the values and the proposals; once answers
 * arrive, the results ranked by gap come before the values; the follow-up last.
 */
export function ValuesConsole({ item }: ModuleScreenProps) {
  const survey = useSurvey(item.id);
  const results = useResults(survey);
  const top = useTopGap(results);
  const resultsPanel = (
    <section className="card stack" aria-labelledby="vs-results-heading">
      <h2 id="vs-results-heading">Results</h2>
      {!survey.resultsShown && <p className="muted">Only you see these until you show the results.</p>}
      <ResultsTable results={results} topIds={top} />
    </section>
  );
  const answered = survey.respondents > 0;
  return (
    <div className="vs-console">
      <section className="card stack" aria-labelledby="vs-survey-heading">
        <h2 id="vs-survey-heading">The survey</h2>
        <SurveyControls itemId={item.id} survey={survey} />
      </section>
      {answered && resultsPanel}
      <ProposalQueue itemId={item.id} survey={survey} />
      <ValueList item={item} survey={survey} />
      {!answered && resultsPanel}
      <FollowUp itemId={item.id} survey={survey} top={topGap(results)} />
    </div>
  );
}
