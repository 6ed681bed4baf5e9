import { ConfirmAction } from '../../components/ConfirmAction.js';
import { sendCommand } from '../../store.js';

/** Moderation: the note leaves every screen and its text the stored history. Asked first; cannot be undone. */
export function RemoveForGood({ noteId }: { noteId: string }) {
  return (
    <ConfirmAction
      label="Remove for good"
      question="Remove this note for good? Its text is erased from every screen and from the stored history."
      confirmLabel="Remove for good"
      onConfirm={() => void sendCommand({ type: 'note.erase', payload: { noteId } })}
      danger
    />
  );
}
