import { useState, type FormEvent } from 'react';
import { codeProblem, normalizeCode } from '../../joinCode.js';
import { FormActions } from '../../components/FormActions.js';
import { JoinCodeInput } from '../../components/JoinCodeInput.js';

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
      <JoinCodeInput
        id="landing-join-code"
        value={code}
        onChange={(value) => {
          setCode(value);
          setError(null);
        }}
      />
      <FormActions error={error} submitLabel="Join" primary={false} />
    </form>
  );
}
