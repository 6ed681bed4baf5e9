/** The end of a form: its error in words (announced), the submit button and an optional cancel. */
export function FormActions({ error, submitLabel, cancelLabel = 'Cancel', onCancel }: {
  error: string | null;
  submitLabel: string;
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
        <button type="submit" className="primary">
          {submitLabel}
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
