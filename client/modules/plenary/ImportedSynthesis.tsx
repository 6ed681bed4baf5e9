import { usePlenary } from './usePlenary.js';

/** The kick-off's synthesis, imported into a debrief or follow-up: each entry with its dots and its group. */
export function ImportedSynthesis({ layout }: { layout: 'console' | 'board' | 'phone' }) {
  const { importedFrom, importedSynthesis } = usePlenary();
  if (!importedFrom || !importedSynthesis.length) return null;
  const columns = [...new Set(importedSynthesis.map((e) => e.column))];
  return (
    <section className={`card stack plenary-imported plenary-imported--${layout}`} aria-label={`Synthesis of ${importedFrom.title}`}>
      <h2>Synthesis of {importedFrom.title}</h2>
      {columns.map((c) => (
        <div key={c}>
          <h3>{c}</h3>
          <ul>
            {importedSynthesis
              .filter((e) => e.column === c)
              .map((e) => (
                <li key={e.id}>
                  {e.text} <span className="muted">({e.dots} dot{e.dots === 1 ? '' : 's'}{e.link ? `, from ${e.link.groupName}` : ''})</span>
                </li>
              ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
