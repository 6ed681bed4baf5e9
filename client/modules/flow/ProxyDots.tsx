import { useId, useState } from 'react';
import type { VoteTarget } from '../../../shared/modules/flow/flow.state.js';
import type { FlowColumns } from './model.js';
import { VotePanel } from './VotePanel.js';
import { dictGet, type Dict } from '../../../shared/session/dict.js';

export interface ProxyDotsProps {
  columns: FlowColumns;
  /** All dots by voter (the facilitator's copy); proxy voters are "proxy:<name>". */
  dots: Dict<Dict<number>>;
  dotsPerPerson: number;
  maxPerItem: number;
  onDot: (target: VoteTarget, delta: 1 | -1, onBehalfOf: string) => void;
}

/** The facilitator places dots for someone in the room without a phone, under their name. */
export function ProxyDots({ columns, dots, dotsPerPerson, maxPerItem, onDot }: ProxyDotsProps) {
  const id = useId();
  const [name, setName] = useState('');
  const who = name.trim();
  const known = Object.keys(dots)
    .filter((v) => v.startsWith('proxy:'))
    .map((v) => v.slice('proxy:'.length));
  return (
    <details className="proxy-dots">
      <summary>Dots for someone without a phone</summary>
      <div className="stack">
        <div className="field">
          <label htmlFor={id}>Their name</label>
          <input id={id} value={name} maxLength={40} list={`${id}-known`} onChange={(e) => setName(e.target.value)} />
          <datalist id={`${id}-known`}>
            {known.map((k) => (
              <option key={k} value={k} />
            ))}
          </datalist>
        </div>
        {who ? (
          <VotePanel
            columns={columns}
            mine={dictGet(dots, `proxy:${who}`) ?? {}}
            dotsPerPerson={dotsPerPerson}
            maxPerItem={maxPerItem}
            whose="Their"
            onDot={(target, delta) => onDot(target, delta, who)}
          />
        ) : (
          <p className="muted">Type the person's name, then place their dots.</p>
        )}
      </div>
    </details>
  );
}
