/** The six-character join code field, with the phone keyboard set for capitals and no corrections. */
export function JoinCodeInput({ id, value, onChange }: { id: string; value: string; onChange: (value: string) => void }) {
  return (
    <div className="field">
      <label htmlFor={id}>Join code</label>
      <input
        id={id}
        className="code-input"
        value={value}
        autoCapitalize="characters"
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
