/** The statement as it stands, large on the board. */
export function StatementDisplay({ text, label, layout }: { text: string; label: string; layout: 'console' | 'phone' | 'board' }) {
  return (
    <div className={`statement statement--${layout}`}>
      <p className="statement-label">{label}</p>
      <blockquote className="statement-text">{text || <span className="muted">Nothing written yet.</span>}</blockquote>
    </div>
  );
}
