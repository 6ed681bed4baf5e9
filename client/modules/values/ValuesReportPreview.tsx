import type { ModuleScreenProps } from '../types.js';
import { ReportBlocks } from '../../report/ReportBlocks.js';
import { useItemReportBlocks } from '../../report/ItemReportPreview.js';

/** The survey's report section as it would print now: tallies, means and gaps only, never who answered. */
export function ValuesReportPreview({ item }: ModuleScreenProps) {
  const blocks = useItemReportBlocks(item.id);
  return (
    <div className="stack">
      <p className="muted">The report holds the counts, means and gaps only: never who gave which answer.</p>
      <ReportBlocks blocks={blocks} />
    </div>
  );
}
