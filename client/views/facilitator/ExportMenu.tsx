import { useId, useState } from 'react';
import { scopedFormat, type ExportFormat } from '../../../shared/report/formats.js';
import type { PaperSize, ReportScope } from '../../../shared/report/model.js';
import { getClient, serverNow, useSession } from '../../store.js';

const FORMAT_LABELS: Record<ExportFormat, string> = { pdf: 'PDF', md: 'Markdown', csv: 'CSV (spreadsheet)', json: 'JSON (data)' };
type Progress = { done: number; total: number } | null;

/** What the report covers, as the menu offers it: the whole day, or the item the room is on. */
export type ScopeChoice = 'session' | 'item';
export const scopeFor = (choice: ScopeChoice, currentItemId: string | null): ReportScope =>
  choice === 'item' && currentItemId ? { kind: 'item', itemId: currentItemId } : { kind: 'session' };

/**
 * The console's Export menu: the whole session or the current item, in PDF, Markdown, CSV or JSON, with or without
 * participant names (off unless turned on) and on US Letter or A4. Works at any time, also mid-session: the file is
 * made from the console's own copy of the session, the PDF in a worker with its progress shown.
 */
export function ExportMenu() {
  const item = useSession((s) => s.state.agenda.find((i) => i.id === s.state.currentItemId));
  const [choice, setChoice] = useState<ScopeChoice>('session');
  const [format, setFormat] = useState<ExportFormat>('pdf');
  const [names, setNames] = useState(false);
  const [paper, setPaper] = useState<PaperSize>('letter');
  const [facilitator, setFacilitator] = useState(() => readFacilitatorName());
  const [progress, setProgress] = useState<Progress | 'working' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const wholeOnly = !scopedFormat(format);
  const scopeChoice: ScopeChoice = wholeOnly || !item ? 'session' : choice;

  const run = async (): Promise<void> => {
    setError(null);
    setProgress('working');
    try {
      const req = { format, scope: scopeFor(scopeChoice, item?.id ?? null), names, paper, at: serverNow(), facilitator: facilitator.trim() };
      rememberFacilitatorName(facilitator.trim());
      // The builders and the renderer load on the first export: no other screen carries them.
      const { makeExport, saveFile } = await import('../../report/exports.js');
      const { blob, name } = await makeExport(getClient().snap.state, req, (done, total) => setProgress({ done, total }));
      saveFile(blob, name);
    } catch {
      setError('The file could not be made. Please try again, or export Markdown or JSON instead.');
    } finally {
      setProgress(null);
    }
  };

  return (
    <section className="card stack" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Export</h2>
      <fieldset className="stack export-scope">
        <legend>What it covers</legend>
        <label>
          <input type="radio" name={`${id}-scope`} checked={scopeChoice === 'session'} onChange={() => setChoice('session')} /> Whole session
        </label>
        <label>
          <input type="radio" name={`${id}-scope`} checked={scopeChoice === 'item'} disabled={wholeOnly || !item} onChange={() => setChoice('item')} /> Current item
          {item ? `: ${item.title}` : ''}
        </label>
        {wholeOnly && <p className="muted">CSV and JSON always hold the whole session.</p>}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-format`}>Format</label>
        <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
          {(Object.keys(FORMAT_LABELS) as ExportFormat[]).map((f) => (
            <option key={f} value={f}>
              {FORMAT_LABELS[f]}
            </option>
          ))}
        </select>
      </div>
      {format === 'pdf' && (
        <div className="field">
          <label htmlFor={`${id}-paper`}>Paper</label>
          <select id={`${id}-paper`} value={paper} onChange={(e) => setPaper(e.target.value as PaperSize)}>
            <option value="letter">US Letter</option>
            <option value="a4">A4</option>
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-facilitator`}>Facilitator name (title page, optional)</label>
        <input id={`${id}-facilitator`} value={facilitator} maxLength={FACILITATOR_NAME_MAX} autoComplete="name" onChange={(e) => setFacilitator(e.target.value)} />
      </div>
      <label className="export-option">
        <input type="checkbox" checked={names} onChange={(e) => setNames(e.target.checked)} /> Include participant names
      </label>
      <button type="button" onClick={() => void run()} disabled={progress !== null}>
        Export {FORMAT_LABELS[format].split(' ')[0]}
      </button>
      {progress !== null && <ExportProgress progress={progress} />}
      {error && (
        <p role="alert" className="error-banner">
          {error}
        </p>
      )}
    </section>
  );
}

const FACILITATOR_NAME_MAX = 80;
const FACILITATOR_KEY = 'ft:facilitatorName';

/** The name the facilitator gave last time, on this browser (storage may be off: then nothing). */
function readFacilitatorName(): string {
  try {
    return localStorage.getItem(FACILITATOR_KEY) ?? '';
  } catch {
    return '';
  }
}

function rememberFacilitatorName(name: string): void {
  try {
    if (name) localStorage.setItem(FACILITATOR_KEY, name);
    else localStorage.removeItem(FACILITATOR_KEY);
  } catch {
    // Private browsing: the name is asked again next time.
  }
}

function ExportProgress({ progress }: { progress: Progress | 'working' }) {
  const p = progress === 'working' ? null : progress;
  return (
    <div role="status" className="stack">
      <progress aria-label="Making the file" max={p?.total} value={p?.done} />
      <span className="muted">{p ? `Making the file… ${p.done} of ${p.total} pages` : 'Making the file…'}</span>
    </div>
  );
}
