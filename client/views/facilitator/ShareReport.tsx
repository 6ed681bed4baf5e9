import type { ReportScope } from '../../../shared/report/model.js';
import type { SessionState } from '../../../shared/session/state.js';
import { sendCommand, useSession } from '../../store.js';
import { localTimeZone, sharedReportUrl } from '../../report/share.js';

/** "the whole session", "SWOT analysis", "SWOT analysis, group Staffing": what a shared report covers, in words. */
export function scopeLabel(state: SessionState, scope: ReportScope): string {
  if (scope.kind === 'session') return 'the whole session';
  const item = state.agenda.find((i) => i.id === scope.itemId);
  return item ? `“${item.title}”` : 'an agenda item that was removed';
}

/**
 * Sharing a report with the room: phones then show a download button and the board a QR code. The room's copy is a
 * PDF without names, made when it is downloaded; stopping takes the link away (it no longer works).
 */
export function ShareReport() {
  const item = useSession((s) => s.state.agenda.find((i) => i.id === s.state.currentItemId));
  const shared = useSession((s) => s.state.sharedReport);
  const label = useSession((s) => (s.state.sharedReport ? scopeLabel(s.state, s.state.sharedReport.scope) : ''));
  const share = (scope: ReportScope) => void sendCommand({ type: 'report.share', payload: { scope, timeZone: localTimeZone() } });
  return (
    <section className="card stack" aria-labelledby="share-heading">
      <h2 id="share-heading">Share with the room</h2>
      {shared ? (
        <>
          <p role="status" data-testid="shared-report">
            Shared: {label}. Phones show a download button and the board a QR code.
          </p>
          <p className="url-line">
            <a href={sharedReportUrl(window.location.origin, shared.shareId)} target="_blank" rel="noreferrer">
              The room’s link
            </a>
          </p>
          <button type="button" onClick={() => void sendCommand({ type: 'report.unshare', payload: {} })}>
            Stop sharing
          </button>
        </>
      ) : (
        <p className="muted">The room downloads a PDF without participant names.</p>
      )}
      <div className="row">
        <button type="button" onClick={() => share({ kind: 'session' })}>
          {shared ? 'Share the whole session instead' : 'Share the whole session'}
        </button>
        {item && (
          <button type="button" onClick={() => share({ kind: 'item', itemId: item.id })}>
            Share the current item
          </button>
        )}
      </div>
    </section>
  );
}
