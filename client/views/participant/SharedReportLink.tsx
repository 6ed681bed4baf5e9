import { useSession } from '../../store.js';
import { sharedReportUrl } from '../../report/share.js';

/** While the facilitator shares a report with the room, the phone can download it (a PDF without names). */
export function SharedReportLink() {
  const shareId = useSession((s) => s.state.sharedReport?.shareId);
  if (!shareId) return null;
  return (
    <section className="phone-card stack" aria-label="Shared report">
      <p>The facilitator shared the report with the room.</p>
      <a className="button" href={sharedReportUrl(window.location.origin, shareId)} download>
        Download the report (PDF)
      </a>
    </section>
  );
}
