import { PAGES_CLASS } from '../../views/board/useBoardPages.js';
import { useWorkGroups } from './useWorkGroups.js';

/** The themes for the room: a numbered list on the phone and, large, on the board. */
function ThemeList({ layout }: { layout: 'phone' | 'board' }) {
  const { themes } = useWorkGroups();
  if (themes.length === 0)
    return <p className={layout === 'board' ? 'board-empty' : 'muted'}>The facilitator has not set the themes yet.</p>;
  return (
    <ol className={`wg-themes wg-themes--${layout}${layout === 'board' ? ` ${PAGES_CLASS}` : ''}`} aria-label="Major themes">
      {themes.map((t) => (
        <li key={t.id}>{t.title}</li>
      ))}
    </ol>
  );
}

export function ThemesPhone() {
  return (
    <section className="phone-card stack" aria-label="Major themes">
      <h2>Major themes</h2>
      <ThemeList layout="phone" />
    </section>
  );
}

export function ThemesBoard() {
  return <ThemeList layout="board" />;
}
