import type { ValuesSurvey } from '../../../shared/modules/values/values.state.js';
import { count } from '../../../shared/report/format.js';
import { sendCommand } from '../../store.js';

const PHASE_LABEL: Record<ValuesSurvey['phase'], string> = { setup: 'Setting up', open: 'Open', closed: 'Closed' };

/** The survey's phase buttons, how many have answered, and the results shown or hidden. */
export function SurveyControls({ itemId, survey }: { itemId: string; survey: ValuesSurvey }) {
  const phase = (p: ValuesSurvey['phase']) => void sendCommand({ type: 'values.setPhase', payload: { itemId, phase: p } });
  const empty = survey.order.length === 0;
  return (
    <div className="vs-controls">
      <p className="vs-phase">
        Survey: <strong>{PHASE_LABEL[survey.phase]}</strong>
      </p>
      <p className="vs-respondents" role="status">
        <strong>{count(survey.respondents, 'person has', 'people have')}</strong> answered
      </p>
      <div className="button-row">
        {survey.phase === 'setup' && (
          <button type="button" className="primary" disabled={empty} onClick={() => phase('open')}>
            Open the survey
          </button>
        )}
        {survey.phase === 'open' && (
          <button type="button" className="primary" onClick={() => phase('closed')}>
            Close the survey
          </button>
        )}
        {survey.phase === 'closed' && (
          <button type="button" onClick={() => phase('open')}>
            Reopen the survey
          </button>
        )}
        {survey.phase !== 'setup' && survey.respondents === 0 && (
          <button type="button" className="small link" onClick={() => phase('setup')}>
            Back to setting up
          </button>
        )}
        <button
          type="button"
          className={!survey.resultsShown && survey.phase === 'closed' ? 'primary' : undefined}
          aria-pressed={survey.resultsShown}
          onClick={() => void sendCommand({ type: 'values.showResults', payload: { itemId, shown: !survey.resultsShown } })}
        >
          {survey.resultsShown ? 'Hide results' : 'Show results'}
        </button>
      </div>
      {empty && <p className="muted">Add values (or the starter list) to open the survey.</p>}
    </div>
  );
}
