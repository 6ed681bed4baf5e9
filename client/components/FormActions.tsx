/** The end of a form: its error in words (announced), the submit button (busy while sending) and an optional cancel. */
export function FormActions({
  error,
  submitLabel,
  busy = false,
  busyLabel,
  primary = true,
  small = false,
  cancelLabel = 'Cancel',
  onCancel,
}: {
  error: string | null;
  submitLabel: string;
  busy?: boolean;
  busyLabel?: string;
  primary?: boolean;
  /** Compact buttons, for a form inside a list or a card row. */
  small?: boolean;
  cancelLabel?: string;
  onCancel?: (() => void) | undefined;
}) {
  return (
    <>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className={[primary && 'primary', small && 'small'].filter(Boolean).join(' ') || undefined} disabled={busy}>
          {busy && busyLabel ? busyLabel : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className={small ? 'small' : undefined} onClick={onCancel}>
            {cancelLabel}
          </button>
        )}
      </div>
    </>
  );
}
