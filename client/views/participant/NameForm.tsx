import { useState, type FormEvent } from 'react';
import { LIMITS } from '../../../shared/protocol/limits.js';
import { codeProblem, normalizeCode } from '../../joinCode.js';

export interface NameFormProps {
  /** The code from the link; when null the form asks for it. */
  code: string | null;
  /** Prefills the code field when it is shown (e.g. the code that was not found, to correct it). */
  initialCode?: string | null;
  error?: string | null;
  busy?: boolean;
  onJoin: (code: string, name: string) => void;
}

/** First visit on a phone: the join code (unless the link carried it) and a display name. */
export function NameForm({ code, initialCode, error, busy, onJoin }: NameFormProps) {
  const [typedCode, setTypedCode] = useState(initialCode ?? '');
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const c = code ?? normalizeCode(typedCode);
    const codeIssue = code ? null : codeProblem(typedCode);
    if (codeIssue) return setProblem(codeIssue);
    if (!name.trim()) return setProblem('Please enter your name.');
    if (name.trim().length > LIMITS.displayName) return setProblem(`A name can be at most ${LIMITS.displayName} characters.`);
    setProblem(null);
    onJoin(c, name.trim());
  };

  const message = problem ?? error;
  return (
    <form className="stack phone-card" onSubmit={submit} noValidate>
      <h1>Join the session</h1>
      {code ? (
        <p>
          Session code <strong className="join-code-inline">{code}</strong>
        </p>
      ) : (
        <div className="field">
          <label htmlFor="join-code">Join code</label>
          <input
            id="join-code"
            className="code-input"
            value={typedCode}
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setTypedCode(e.target.value)}
          />
        </div>
      )}
      <div className="field">
        <label htmlFor="display-name">Your name</label>
        <input
          id="display-name"
          value={name}
          maxLength={LIMITS.displayName}
          autoComplete="given-name"
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      {message && (
        <p role="alert" className="form-error">
          {message}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Joining…' : 'Join'}
      </button>
    </form>
  );
}
