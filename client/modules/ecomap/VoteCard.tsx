import type { EcoMapState } from '../../../shared/modules/ecomap/ecomap.state.js';
import { MarkLegend } from './MarkLegend.js';
import { ResultsTable } from './ResultsTable.js';
import { markedText, useResults, useSending } from './useEcoMap.js';

const VOTES: { vote: EcoMapState['vote']; label: string; again: string }[] = [
  { vote: 'setup', label: 'Back to set-up', again: 'Back to set-up' },
  { vote: 'open', label: 'Open the vote', again: 'Reopen the vote' },
  { vote: 'closed', label: 'Close the vote', again: 'Close the vote' },
];

const NOW: Record<EcoMapState['vote'], string> = {
  setup: 'Setting up: phones see the partners and can propose more, but cannot mark yet.',
  open: 'The vote is open: phones mark each partner.',
  closed: 'The vote is closed: a mark that arrives now waits in late input.',
};

/** The vote on the console: its state and buttons, "N have marked", the live counts, and showing the results. */
export function VoteCard({ map, itemId }: { map: EcoMapState; itemId: string }) {
  const results = useResults(map);
  const { error, send } = useSending();
  const voted = map.markers > 0 || map.vote === 'closed';
  return (
    <section className="card stack" aria-labelledby="ecomap-vote-heading">
      <h2 id="ecomap-vote-heading">Vote on the partners</h2>
      <p role="status">
        {NOW[map.vote]} <strong>{markedText(map.markers)}</strong>
      </p>
      <div className="button-row">
        {VOTES.filter((v) => v.vote !== map.vote).map((v) => (
          <button
            key={v.vote}
            type="button"
            className={v.vote === 'open' ? 'primary' : undefined}
            disabled={v.vote === 'open' && map.order.length === 0}
            onClick={() => void send({ type: 'ecomap.setVote', payload: { itemId, vote: v.vote } })}
          >
            {voted ? v.again : v.label}
          </button>
        ))}
        <button type="button" className={map.resultsShown ? undefined : 'primary'} disabled={!voted && !map.resultsShown} onClick={() => void send({ type: 'ecomap.showResults', payload: { itemId, shown: !map.resultsShown } })}>
          {map.resultsShown ? 'Hide the results' : 'Show the results'}
        </button>
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {results.length > 0 && (
        <ResultsTable results={results} caption={map.resultsShown ? 'Results (shown on the board and phones)' : 'Live counts (only you see these until you show the results)'} />
      )}
      <MarkLegend layout="console" />
    </section>
  );
}
