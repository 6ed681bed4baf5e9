/** The end of a form: its error in words (announced), the submit button (busy while sending) and an optional cancel. */
export function FormActions({
  error,
  submitLabel,
  busy = false,
  busyLabel,
  primary = true,
  cancelLabel = 'Cancel',
  onCancel,
}: {
  error: string | null;
  submitLabel: string;
  busy?: boolean;
  busyLabel?: string;
  primary?: boolean;
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
        <button type="submit" className={primary ? 'primary' : undefined} disabled={busy}>
          {busy && busyLabel ? busyLabel : submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {cancelLabel}
          </button>
        )}
      </div>
    </>
  );
}
