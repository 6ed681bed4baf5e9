import type { VoteTarget } from '../../../shared/modules/flow/flow.state.js';
import { plural, type FlowColumns } from './model.js';
import { dictGet, type Dict } from '../../../shared/session/dict.js';
import { NoteOrigin } from '../plenary/NoteOrigin.js';

export interface VotePanelProps {
  columns: FlowColumns;
  /** The voter's own dots by target key. */
  mine: Dict<number>;
  dotsPerPerson: number;
  maxPerItem: number;
  onDot: (target: VoteTarget, delta: 1 | -1) => void;
  /** "Your dots" on a phone, "Their dots" when the facilitator votes for someone. */
  whose?: string;
}

/** Dot voting: each group and loose note with + and − buttons, the voter's dots on it, and how many are left. */
export function VotePanel({ columns, mine, dotsPerPerson, maxPerItem, onDot, whose = 'Your' }: VotePanelProps) {
  const used = Object.values(mine).reduce((a, b) => a + b, 0);
  const left = Math.max(0, dotsPerPerson - used);
  return (
    <div className="vote-panel stack">
      <p className="vote-left" role="status">
        <strong>
          {left} of {dotsPerPerson} dots left
        </strong>
        <span className="muted"> · at most {maxPerItem} on one item</span>
      </p>
      {columns.map(({ column, entries }) =>
        entries.length === 0 ? null : (
          <section key={column} className="vote-column stack" aria-label={column}>
            <h3>{column}</h3>
            <ul className="vote-list">
              {entries.map((e) => {
                const n = dictGet(mine, e.key) ?? 0;
                return (
                  <li key={e.key} className={`vote-target${n > 0 ? ' vote-target--dotted' : ''}`}>
                    <p className="vote-label">
                      {e.target.kind === 'group' && <span className="flow-group-tag">Group</span>} {e.label}
                    </p>
                    {e.target.kind === 'note' && <NoteOrigin noteId={e.target.id} />}
                    <div className="vote-row">
                      <span className="vote-mine" aria-label={`${whose} dots on this: ${n}`}>
                        <span aria-hidden="true">{'●'.repeat(n) || '○'}</span> {whose} dots: {n}
                      </span>
                      <button type="button" aria-label={`Take a dot back from ${e.label}`} disabled={n === 0} onClick={() => onDot(e.target, -1)}>
                        − dot
                      </button>
                      <button
                        type="button"
                        className="primary"
                        aria-label={`Add a dot to ${e.label}`}
                        disabled={left === 0 || n >= maxPerItem}
                        onClick={() => onDot(e.target, 1)}
                      >
                        + dot
                      </button>
                    </div>
                  </li>
                );
              })}
            </ul>
          </section>
        ),
      )}
      {used > 0 && left === 0 && <p className="notice">All your dots are placed. Take one back to move it.</p>}
      <p className="muted">{plural(used, 'dot')} placed.</p>
    </div>
  );
}
