import { kindOf, session } from '../../../shared/modules/registry.js';
import type { LateEntry } from '../../../shared/modules/late/late.state.js';
import type { UnsentInput } from '../../net/sessionClient.js';
import { describeInput, lateStateWords, useLateEntries } from '../../late.js';
import { discardUnsent, resendUnsent, useSession } from '../../store.js';
import { SendingNoteItem, useSendingNotes } from './SendingNotes.js';

const typedText = (u: UnsentInput): string =>
  u.command.type === 'note.add' || u.command.type === 'note.edit' ? u.command.payload.text : '';
/** Refused notes show here; a refused rating shows beside its value on the survey's own screen. */
const isNote = (u: UnsentInput): boolean => u.command.type === 'note.add' || u.command.type === 'note.edit';

/**
 * What this phone sent that is not simply on the board: notes that arrived after their step closed (with what the
 * facilitator decided), notes the server refused (kept here with the reason), and notes still on their way to an
 * item the phone is not showing. The text stays in view in every case.
 */
export function LateInputs({ currentItemId }: { currentItemId: string }) {
  const me = useSession((s) => s.participantId);
  const state = useSession((s) => s.state);
  const unsent = useSession((s) => s.unsent).filter(isNote);
  const mine = useLateEntries().filter((e) => me !== null && e.authorId === me);
  // Notes for the current item show in its own list while it takes notes; the rest show here.
  const shownInline = (itemId: string) => {
    const item = state.agenda.find((i) => i.id === itemId);
    if (!item || itemId !== currentItemId || !kindOf(item.moduleType).hasBoard) return false;
    return !session.notePolicy(item)?.closedReason(state, itemId, 'add');
  };
  const sending = useSendingNotes().filter((n) => !shownInline(n.itemId));
  const count = mine.length + unsent.length + sending.length;
  if (count === 0) return null;
  const titleOf = (itemId: string) => (itemId === currentItemId ? null : state.agenda.find((i) => i.id === itemId)?.title);

  return (
    <section className="phone-card stack" aria-labelledby="late-inputs-heading">
      <h2 id="late-inputs-heading">
        {unsent.length + sending.length ? 'Sent late or not sent' : 'Sent late'} ({count})
      </h2>
      <ul className="note-list">
        {sending.map((n) => (
          <SendingNoteItem key={n.id} note={n} />
        ))}
        {unsent.map((u) => (
          <li key={u.command.id} className="note note--mine note--unsent">
            <div className="note-body">
              <p className="note-text">{typedText(u)}</p>
              <p className="note-state">Not sent: {u.reason}</p>
              <div className="button-row">
                <button type="button" className="small" onClick={() => resendUnsent(u.command.id)}>
                  Send again
                </button>
                <button type="button" className="small danger" onClick={() => discardUnsent(u.command.id)}>
                  Discard
                </button>
              </div>
            </div>
          </li>
        ))}
        {[...mine].reverse().map((e) => (
          <LateItem key={e.id} entry={e} text={describeInput(state, e.input)} itemTitle={titleOf(e.itemId)} />
        ))}
      </ul>
    </section>
  );
}

function LateItem({ entry, text, itemTitle }: { entry: LateEntry; text: string; itemTitle: string | null | undefined }) {
  return (
    <li className={`note note--mine note--late note--${entry.status}`} data-testid="late-input">
      <div className="note-body">
        <p className="note-text">{text}</p>
        {itemTitle && <p className="note-author">{itemTitle}</p>}
        <p className="note-state">{lateStateWords(entry)}</p>
        {entry.status === 'pending' && <p className="note-author">{entry.reason}</p>}
      </div>
    </li>
  );
}
