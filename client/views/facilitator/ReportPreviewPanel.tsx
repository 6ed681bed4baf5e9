import { lazy, Suspense, useState } from 'react';
import type { AgendaItem } from '../../../shared/session/state.js';

// The report builders load only when the facilitator opens the preview: no phone or board carries them.
const ItemReportPreview = lazy(() => import('../../report/ItemReportPreview.js'));

/** "Report preview": the current item's section of the report as it would print now, closed until asked for. */
export function ReportPreviewPanel({ item }: { item: AgendaItem }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="card report-preview" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Report preview</summary>
      {open && (
        <Suspense fallback={<p className="muted">Loading the preview…</p>}>
          <ItemReportPreview item={item} />
        </Suspense>
      )}
    </details>
  );
}
