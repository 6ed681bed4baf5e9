import { useState, type FormEvent } from 'react';
import type { ModuleScreenProps } from '../types.js';
import { clearError, sendCommand, serverNow } from '../../store.js';
import { TimerDisplay } from '../../components/TimerDisplay.js';
import { LIMITS } from '../../../shared/protocol/limits.js';
import { ImportPanel } from './ImportPanel.js';
import { PresentControls } from './PresentControls.js';
import { ReactionList } from './ReactionList.js';
import { ReportOutView } from './ReportOutView.js';
import { ImportedSynthesis } from './ImportedSynthesis.js';
import { useMyGroupId, usePlenary, usePresenting, useWorkGroups } from './usePlenary.js';
import { AllReportOuts } from './AllReportOuts.js';

const asTimer = <T extends object>(t: T) => ({ ...t, itemId: null, runningSince: null });

export function ReportOutConsole({ item }: ModuleScreenProps) {
  const now = usePresenting();
  const groups = useWorkGroups().groups;
  const importedFrom = usePlenary().importedFrom;
  return (
    <>
      {/* A session whose groups are formed here has nothing to import into; one that imported says from where. */}
      {(!groups.length || importedFrom) && <ImportPanel />}
      {groups.length ? <PresentControls item={item} /> : <p className="notice">No work groups yet: form them on the work-group item, or import a kick-off’s.</p>}
      {now && (
        <section className="card stack" aria-labelledby="presenting-heading">
          <h2 id="presenting-heading">{now.group.name}’s report-out</h2>
          <ReportOutView group={now.group} layout="console" />
          <ReactionList workGroupId={now.group.id} heading="Questions and reactions from the room" />
        </section>
      )}
      {!now && groups.length > 0 && <AllReportOuts layout="console" />}
      <ImportedSynthesis layout="console" />
    </>
  );
}

/** The projector: the group presenting, large, with its timer and its place in the order; the groups otherwise. */
export function ReportOutBoard(_props: ModuleScreenProps) {
  const now = usePresenting();
  const groups = useWorkGroups().groups;
  if (!now)
    return (
      <div className="plenary-board">
        <h2 className="plenary-board-hint">{groups.length ? 'Report-outs: each group in turn' : 'No work groups yet'}</h2>
        {groups.length > 0 ? <AllReportOuts layout="board" after={<ImportedSynthesis layout="board" />} /> : <ImportedSynthesis layout="board" />}
      </div>
    );
  return (
    <div className="plenary-board">
      <div className="plenary-board-head">
        <div>
          <p className="plenary-board-order">
            Group {now.index + 1} of {now.total}
          </p>
          <h2 className="plenary-board-name">{now.group.name}</h2>
        </div>
        <TimerDisplay timer={asTimer(now.timer)} now={serverNow} size="big" />
      </div>
      <ReportOutView group={now.group} layout="board" />
    </div>
  );
}

function ReactionForm({ workGroupId, name }: { workGroupId: string; name: string }) {
  const [text, setText] = useState('');
  const [kind, setKind] = useState<'question' | 'reaction'>('question');
  const [status, setStatus] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const res = await sendCommand({ type: 'plenary.react', payload: { workGroupId, kind, text } });
    if (!res.ok) {
      clearError();
      return setStatus(res.error.message);
    }
    setText('');
    setStatus(`Sent to ${name}.`);
  };
  return (
    <form className="stack plenary-react" onSubmit={(e) => void submit(e)}>
      <fieldset className="plenary-kind">
        <legend>Send {name}</legend>
        {(['question', 'reaction'] as const).map((k) => (
          <label key={k}>
            <input type="radio" name="reaction-kind" checked={kind === k} onChange={() => setKind(k)} /> a {k}
          </label>
        ))}
      </fieldset>
      <textarea aria-label={`Your ${kind}`} value={text} maxLength={LIMITS.noteText} rows={3} onChange={(e) => setText(e.target.value)} />
      <button type="submit" disabled={!text.trim()}>
        Send
      </button>
      {status && <p role="status">{status}</p>}
    </form>
  );
}

/** A phone: the group presenting and a question or reaction to send it; the group's members see what they got. */
export function ReportOutPhone(_props: ModuleScreenProps) {
  const now = usePresenting();
  const mine = useMyGroupId();
  if (!now) return <p className="muted plenary-wait">The report-outs start soon: the group presenting shows here.</p>;
  return (
    <div className="stack">
      <p className="plenary-phone-order">
        Group {now.index + 1} of {now.total} presents
      </p>
      <h2>{now.group.name}</h2>
      {/* The session's timer is in the card above: say which one this is. */}
      <p className="eyebrow">Time for this group</p>
      <TimerDisplay timer={asTimer(now.timer)} now={serverNow} />
      {mine === now.group.id ? (
        <ReactionList workGroupId={now.group.id} heading="What the room asks your group" />
      ) : (
        <ReactionForm workGroupId={now.group.id} name={now.group.name} />
      )}
      <details>
        <summary>Their report-out</summary>
        <ReportOutView group={now.group} layout="phone" />
      </details>
    </div>
  );
}
