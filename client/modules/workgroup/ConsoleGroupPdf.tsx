import { useState } from 'react';
import { getClient, serverNow } from '../../store.js';

/**
 * The console's copy of one group's report-out as a PDF, made in the browser from the console's own state (the same
 * builder as the member's download and the Export menu), without names.
 */
export function ConsoleGroupPdf({ itemId, workGroupId, name }: { itemId: string; workGroupId: string; name: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const { makeExport, saveFile } = await import('../../report/exports.js');
      const scope = { kind: 'group' as const, itemId, groupId: workGroupId };
      const { blob, name: file } = await makeExport(getClient().snap.state, { format: 'pdf', scope, names: false, paper: 'letter', at: serverNow() });
      saveFile(blob, file);
    } catch {
      setError('The PDF could not be made. Please try again, or use Export.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="small" disabled={busy} aria-label={`Download the report-out of ${name} (PDF)`} onClick={() => void download()}>
        {busy ? 'Making the PDF…' : 'Report-out (PDF)'}
      </button>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </>
  );
}
