import { formatDate } from '../../../shared/report/format.js';
import { clearError, sendCommand } from '../../store.js';
import { EarlierSessionForms, type EarlierSession } from '../carry/EarlierSessionForms.js';
import { usePlenary } from './usePlenary.js';

/**
 * Starting a debrief or follow-up call from a kick-off session: its carry-forward code (made on its console), or
 * one of the sessions this browser ran, brings in its themes, groups, their work, the synthesis and next steps.
 */
export function ImportPanel() {
  const importedFrom = usePlenary().importedFrom;
  if (importedFrom)
    return (
      <p className="muted" role="status">
        Started from {importedFrom.title} ({formatDate(importedFrom.createdAt)}): its groups, report-outs, synthesis and next steps.
      </p>
    );
  const importFrom = async (from: EarlierSession): Promise<string | null> => {
    const res = await sendCommand({ type: 'plenary.import', payload: { from } });
    if (res.ok) return null;
    clearError();
    return res.error.message;
  };
  return (
    <section className="card stack" aria-labelledby="plenary-import-heading">
      <h2 id="plenary-import-heading">Import the kick-off’s work groups</h2>
      <p className="muted">Its themes, groups (without members), report-outs, strategies, synthesis and next steps.</p>
      <EarlierSessionForms
        idPrefix="plenary"
        codeLabel="The kick-off’s carry-forward code"
        pickButton="Import its work groups"
        codeButton="Import the work groups by code"
        missing="Pick the kick-off session, or paste its carry-forward code."
        onImport={importFrom}
      />
    </section>
  );
}
