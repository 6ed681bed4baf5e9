import { useId, useState } from 'react';

export interface ConfirmActionProps {
  /** The button that starts it ("Delete session"). */
  label: string;
  /** What the person is asked before it happens, in full. */
  question: string;
  /** The button that does it ("Delete for good"). */
  confirmLabel: string;
  onConfirm: () => void;
  danger?: boolean;
}

/** An action that cannot be undone: a first press asks, a second press on the named button does it. */
export function ConfirmAction({ label, question, confirmLabel, onConfirm, danger }: ConfirmActionProps) {
  const [asking, setAsking] = useState(false);
  const questionId = useId();
  if (!asking)
    return (
      <button type="button" className={danger ? 'danger' : undefined} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  return (
    <div role="group" aria-labelledby={questionId} className="confirm stack">
      <p id={questionId}>{question}</p>
      <div className="row">
        <button
          type="button"
          className={danger ? 'danger' : undefined}
          onClick={() => {
            setAsking(false);
            onConfirm();
          }}
        >
          {confirmLabel}
        </button>
        <button type="button" onClick={() => setAsking(false)}>
          Cancel
        </button>
      </div>
    </div>
  );
}
