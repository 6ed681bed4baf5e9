import { useState, type FormEvent } from 'react';
import { codeProblem, normalizeCode } from '../../joinCode.js';

/** "Join with a code": goes to the participant view for that code. */
export function JoinCodeForm({ onJoin }: { onJoin: (code: string) => void }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem = codeProblem(code);
    if (problem) return setError(problem);
    onJoin(normalizeCode(code));
  };
  return (
    <form className="card stack" onSubmit={submit} noValidate>
      <h2>Join with a code</h2>
      <div className="field">
        <label htmlFor="landing-join-code">Join code</label>
        <input
          id="landing-join-code"
          className="code-input"
          value={code}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => {
            setCode(e.target.value);
            setError(null);
          }}
        />
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <button type="submit">Join</button>
    </form>
  );
}
