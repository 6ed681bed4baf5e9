import { TextLineForm } from './TextLineForm.js';

/** The time warnings the console sends with one press. */
export const WARNINGS = ['10 minutes left', '5 minutes left', '1 minute left'] as const;

/** A message to all groups or to one, and the time-warning buttons; shown on the members' phones. */
export function MessageForm({ to, onSend }: { to: string; onSend: (text: string, warning: boolean) => void }) {
  return (
    <div className="stack wg-message-form">
      <TextLineForm label={`Message to ${to}`} submitLabel="Send" what="A message" onSubmit={(text) => onSend(text, false)} />
      <div className="button-row" role="group" aria-label={`Time warnings to ${to}`}>
        <span className="muted" aria-hidden="true">
          Time warning:
        </span>
        {WARNINGS.map((text) => (
          <button key={text} type="button" className="small" aria-label={`Warn ${to}: ${text}`} onClick={() => onSend(text, true)}>
            {text}
          </button>
        ))}
      </div>
    </div>
  );
}
