import { PAGES_CLASS } from '../../views/board/useBoardPages.js';

export interface ContextDisplayProps {
  mission: string;
  vision: string;
  values: string;
  carried: string[];
  layout: 'console' | 'phone' | 'board';
}

/** Where we are now: the agency's mission, vision and values, and the top SWOT items carried forward. */
export function ContextDisplay({ mission, vision, values, carried, layout }: ContextDisplayProps) {
  const parts = [
    ['Mission', mission],
    ['Vision', vision],
    ['Values', values],
  ].filter(([, text]) => text?.trim());
  if (parts.length === 0 && carried.length === 0) return <p className="muted">No mission, vision or values entered yet.</p>;
  return (
    <div className={`vision-context vision-context--${layout}${layout === 'board' ? ` ${PAGES_CLASS}` : ''}`}>
      {parts.map(([label, text]) => (
        <div key={label} className="vision-context-part">
          <h3>{label}</h3>
          <p className="vision-context-text">{text}</p>
        </div>
      ))}
      {carried.length > 0 && (
        <div className="vision-context-part">
          <h3>From the SWOT</h3>
          <ul className="vision-carried">
            {carried.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
