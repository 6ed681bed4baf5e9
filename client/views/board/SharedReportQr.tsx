import { useSession } from '../../store.js';
import { sharedReportUrl } from '../../report/share.js';
import { JoinQr } from './JoinQr.js';

/** While a report is shared, the board shows a QR code and the short address to download it. */
export function SharedReportQr() {
  const shareId = useSession((s) => s.state.sharedReport?.shareId);
  if (!shareId) return null;
  const url = sharedReportUrl(window.location.origin, shareId);
  return (
    <div className="board-join board-report" data-testid="shared-report-qr">
      <p className="board-join-label">Download the report</p>
      <JoinQr url={url} alt={`QR code to download the report: ${url}`} />
      <p className="board-join-url board-report-url">{url.replace(/^https?:\/\//, '')}</p>
    </div>
  );
}
