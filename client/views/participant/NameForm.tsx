import { useState, type FormEvent } from 'react';
import { LIMITS } from '../../../shared/protocol/limits.js';
import { codeProblem, normalizeCode } from '../../joinCode.js';
import { FormActions } from '../../components/FormActions.js';
import { JoinCodeInput } from '../../components/JoinCodeInput.js';

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
/** What is wrong with a name as typed, in our words, or null. */
export function nameProblem(name: string): string | null {
  if (!name.trim()) return 'Please enter your name.';
  if (name.trim().length > LIMITS.displayName) return `A name can be at most ${LIMITS.displayName} characters.`;
  return null;
}

export function NameForm({ code, initialCode, error, busy, onJoin }: NameFormProps) {
  const [typedCode, setTypedCode] = useState(initialCode ?? '');
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const c = code ?? normalizeCode(typedCode);
    const codeIssue = code ? null : codeProblem(typedCode);
    if (codeIssue) return setProblem(codeIssue);
    const nameIssue = nameProblem(name);
    if (nameIssue) return setProblem(nameIssue);
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
        <JoinCodeInput id="join-code" value={typedCode} onChange={setTypedCode} />
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
      <FormActions error={message ?? null} submitLabel="Join" busy={busy} busyLabel="Joining…" />
    </form>
  );
}
