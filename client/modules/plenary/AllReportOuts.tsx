import type { ReactNode } from 'react';
import { PAGES_CLASS } from '../../views/board/useBoardPages.js';
import { ReportOutView } from './ReportOutView.js';
import { useWorkGroups } from './usePlenary.js';

/**
 * Every group's report-out, one after the other, so the room can review them before the presentations start: on the
 * console a card each, on the board a paged region (a group that does not fit continues on the next page, each field
 * whole) that ends with `after` (an imported synthesis), paged with them.
 */
export function AllReportOuts({ layout, after }: { layout: 'console' | 'board'; after?: ReactNode }) {
  const groups = useWorkGroups().groups;
  const list = groups.map((g, i) => (
    <section key={g.id} className="plenary-all-group" aria-label={`Report-out of ${g.name}`}>
      <h3 className="plenary-all-name">
        {i + 1}. {g.name}
        {g.readyAt !== null && <span className="plenary-tag plenary-tag--done">Ready</span>}
      </h3>
      <ReportOutView group={g} layout={layout === 'board' ? 'review' : 'console'} />
    </section>
  ));
  if (layout === 'board')
    return (
      <div className={`plenary-all plenary-all--board ${PAGES_CLASS}`}>
        {list}
        {after}
      </div>
    );
  return (
    <section className="card stack plenary-all" aria-labelledby="plenary-all-heading">
      <h2 id="plenary-all-heading">Every group’s report-out</h2>
      {list}
    </section>
  );
}
