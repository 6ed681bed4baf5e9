import { useState } from 'react';
import { participantTokenOf } from '../../net/sessionClient.js';
import { localTimeZone } from '../../report/share.js';
import { useSession } from '../../store.js';

/** The file name the server gave (content-disposition), or a plain one. */
function fileNameOf(res: Response): string {
  const header = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (star) return decodeURIComponent(star);
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? 'report-out.pdf';
}

/**
 * "Download our report-out (PDF)": the server makes the PDF of this phone's own group (its token says which group),
 * and the phone saves it. A refusal is shown in the server's sentence.
 */
export function GroupPdfButton({ itemId }: { itemId: string }) {
  const sessionId = useSession((s) => s.sessionId);
  const joinCode = useSession((s) => s.state.joinCode);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    const token = participantTokenOf(window.localStorage, joinCode);
    if (!sessionId || !token) return setError('This phone has not joined the session: join again to download.');
    setBusy(true);
    setError(null);
    try {
      const tz = localTimeZone();
      const url = `/api/sessions/${encodeURIComponent(sessionId)}/items/${encodeURIComponent(itemId)}/my-group/report.pdf${tz ? `?tz=${encodeURIComponent(tz)}` : ''}`;
      const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: unknown } | null;
        return setError(typeof body?.error === 'string' ? body.error : 'The report-out could not be downloaded. Please try again.');
      }
      const href = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = href;
      a.download = fileNameOf(res);
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(href), 60_000);
    } catch {
      setError('The report-out could not be downloaded: check the connection and try again.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="stack">
      <button type="button" className="primary" disabled={busy} onClick={() => void download()}>
        {busy ? 'Making the PDF…' : 'Download our report-out (PDF)'}
      </button>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </div>
  );
}
