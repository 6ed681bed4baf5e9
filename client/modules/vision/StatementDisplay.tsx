import { PAGES_CLASS } from '../../views/board/useBoardPages.js';

/** The statement as it stands, large on the board. */
export function StatementDisplay({ text, label, layout }: { text: string; label: string; layout: 'console' | 'phone' | 'board' }) {
  return (
    <div className={`statement statement--${layout}`}>
      <p className="statement-label">{label}</p>
      <blockquote className={`statement-text${layout === 'board' ? ` ${PAGES_CLASS}` : ''}`}>{text || <span className="muted">Nothing written yet.</span>}</blockquote>
    </div>
  );
}
