import { useEffect, useState } from 'react';
import { joinSession, useSession } from '../../store.js';
import { navigate } from '../../router.js';
import { codeProblem } from '../../joinCode.js';
import { ConnectionStatus } from '../../components/ConnectionStatus.js';
import { RehearsalBanner } from '../../components/RehearsalBanner.js';
import { NameForm } from './NameForm.js';
import { ParticipantSession } from './ParticipantSession.js';

type Phase =
  | { kind: 'resuming' }
  | { kind: 'form'; error: string | null; askCode: boolean }
  | { kind: 'joining' }
  | { kind: 'joined' };

/**
 * The phone. With a code in the link it first tries to resume (a refresh keeps the participant); if the server
 * needs a name, it asks for one.
 */
export function ParticipantView({ code }: { code: string | null }) {
  const [phase, setPhase] = useState<Phase>(() =>
    code && !codeProblem(code) ? { kind: 'resuming' } : { kind: 'form', error: code ? codeProblem(code) : null, askCode: true },
  );
  const joined = useSession((s) => s.role === 'participant' && s.participantId !== null);

  useEffect(() => {
    if (phase.kind !== 'resuming' || !code) return;
    let live = true;
    void joinSession({ role: 'participant', joinCode: code }).then((res) => {
      if (!live) return;
      if (res.ok) setPhase({ kind: 'joined' });
      else if (res.error.code === 'invalid') setPhase({ kind: 'form', error: null, askCode: false });
      else setPhase({ kind: 'form', error: res.error.message, askCode: res.error.code === 'not_found' });
    });
    return () => {
      live = false;
    };
  }, [phase.kind, code]);

  const join = (joinCode: string, name: string) => {
    setPhase({ kind: 'joining' });
    void joinSession({ role: 'participant', joinCode, name }).then((res) => {
      if (res.ok) {
        if (joinCode !== code) navigate(`/join/${res.joinCode}`, { replace: true });
        setPhase({ kind: 'joined' });
      } else setPhase({ kind: 'form', error: res.error.message, askCode: !code || res.error.code === 'not_found' });
    });
  };

  return (
    <div className="phone">
      <ConnectionStatus className="phone-status" />
      <RehearsalBanner />
      <main className="phone-main">
        {phase.kind === 'joined' || joined ? (
          <ParticipantSession />
        ) : phase.kind === 'resuming' ? (
          <p className="muted">Opening session {code}…</p>
        ) : (
          <NameForm
            code={phase.kind === 'form' && phase.askCode ? null : code}
            initialCode={code}
            error={phase.kind === 'form' ? phase.error : null}
            busy={phase.kind === 'joining'}
            onJoin={join}
          />
        )}
      </main>
    </div>
  );
}
