import { useEffect, useId, useRef, useState } from 'react';

export interface StatementEditorProps {
  draft: string;
  isFinal: boolean;
  /** Whether a fist-to-five round has been asked (Finalize needs one). */
  hasRound: boolean;
  /** Whether a round is open: the statement is fixed until it closes. */
  roundOpen: boolean;
  onDraft: (text: string) => void;
  onAsk: (hideDistribution: boolean) => void;
  onClose: () => void;
  onFinalize: () => void;
  /** How long typing pauses before the draft goes to the board. */
  debounceMs?: number;
}

/** The facilitator drafts the preferred-future statement; the board follows as they type (debounced). */
export function StatementEditor({ draft, isFinal, hasRound, roundOpen, onDraft, onAsk, onClose, onFinalize, debounceMs = 300 }: StatementEditorProps) {
  const id = useId();
  const [hide, setHide] = useState(false);
  const [text, setText] = useState(draft);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const typing = useRef(false);
  useEffect(() => {
    if (!typing.current) setText(draft);
  }, [draft]);
  useEffect(() => () => void (pending.current && clearTimeout(pending.current)), []);

  const flush = (value: string) => {
    if (pending.current) clearTimeout(pending.current);
    pending.current = null;
    typing.current = false;
    if (value !== draft) onDraft(value);
  };
  const change = (value: string) => {
    setText(value);
    typing.current = true;
    if (pending.current) clearTimeout(pending.current);
    pending.current = setTimeout(() => flush(value), debounceMs);
  };

  return (
    <div className="stack statement-editor">
      <div className="field">
        <label htmlFor={id}>Preferred-future statement</label>
        <textarea
          id={id}
          rows={5}
          value={text}
          maxLength={4000}
          disabled={isFinal || roundOpen}
          aria-describedby={`${id}-count`}
          onChange={(e) => change(e.target.value)}
          onBlur={() => pending.current && flush(text)}
        />
        <p className="char-count" id={`${id}-count`}>
          {roundOpen
            ? 'A fist-to-five round is open: close it to revise the statement.'
            : `${text.length} / 4000 characters · the board shows it as you type`}
        </p>
      </div>
      {!roundOpen && (
        <label className="check">
          <input type="checkbox" checked={hide} disabled={isFinal} onChange={(e) => setHide(e.target.checked)} />
          Hide the answers from the board and phones until the round closes
        </label>
      )}
      <div className="button-row">
        {roundOpen ? (
          <button type="button" className="primary" onClick={onClose}>
            Close this round
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            disabled={isFinal || !text.trim()}
            onClick={() => {
              flush(text);
              onAsk(hide);
            }}
          >
            Ask fist-to-five
          </button>
        )}
        <button type="button" disabled={isFinal || !hasRound} onClick={onFinalize}>
          Finalize statement
        </button>
      </div>
    </div>
  );
}
