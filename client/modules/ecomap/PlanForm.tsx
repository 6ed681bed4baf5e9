import { useId, useState, type FormEvent } from 'react';
import { dictGet } from '../../../shared/session/dict.js';
import { MAX_PLAN_TEXT, type EcoMapState } from '../../../shared/modules/ecomap/ecomap.state.js';
import { FormActions } from '../../components/FormActions.js';
import { useSending } from './useEcoMap.js';

const FIELDS = [
  ['how', 'How'],
  ['who', 'Who'],
  ['when', 'When'],
] as const;

/**
 * One row of the engagement plan (seed 001: how, who, when), for the partner picked (or given): the console's editor
 * and the scribe's phone. Picking another partner loads its row.
 */
export function PlanForm({ itemId, map, partnerId, onDone }: { itemId: string; map: EcoMapState; partnerId?: string; onDone?: () => void }) {
  const id = useId();
  const [picked, setPicked] = useState(partnerId ?? map.order[0] ?? '');
  const row = dictGet(map.plan, picked);
  const [text, setText] = useState({ how: row?.how ?? '', who: row?.who ?? '', when: row?.when ?? '' });
  const { error, send, setError } = useSending();
  const [saved, setSaved] = useState<string | null>(null);
  const pick = (next: string) => {
    const r = dictGet(map.plan, next);
    setPicked(next);
    setSaved(null);
    setText({ how: r?.how ?? '', who: r?.who ?? '', when: r?.when ?? '' });
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!dictGet(map.partners, picked)) return setError('Pick a partner on the map first.');
    const row = { how: text.how.trim(), who: text.who.trim(), when: text.when.trim() };
    const ok = await send({ type: 'ecomap.plan', payload: { itemId, partnerId: picked, ...row } });
    setSaved(ok ? `Saved the plan for ${dictGet(map.partners, picked)?.name ?? 'this partner'}.` : null);
    if (ok) onDone?.();
  };
  const name = dictGet(map.partners, picked)?.name ?? '';
  return (
    <form className="stack ecomap-plan-form" onSubmit={(e) => void submit(e)} noValidate aria-label={partnerId ? `Plan for ${name}` : 'Engagement plan row'}>
      {!partnerId && (
        <div className="field">
          <label htmlFor={`${id}-p`}>Partner</label>
          <select id={`${id}-p`} value={picked} onChange={(e) => pick(e.target.value)}>
            {map.order.map((pid) => (
              <option key={pid} value={pid}>
                {dictGet(map.partners, pid)?.name ?? pid}
                {dictGet(map.plan, pid) ? ' (planned)' : ''}
              </option>
            ))}
          </select>
        </div>
      )}
      {FIELDS.map(([field, label]) => (
        <div className="field" key={field}>
          <label htmlFor={`${id}-${field}`}>{label}</label>
          <textarea
            id={`${id}-${field}`}
            rows={field === 'how' ? 2 : 1}
            maxLength={MAX_PLAN_TEXT}
            value={text[field]}
            onChange={(e) => setText({ ...text, [field]: e.target.value })}
          />
        </div>
      ))}
      <FormActions error={error} submitLabel="Save plan row" onCancel={onDone} />
      {saved && !onDone && <p role="status">{saved}</p>}
    </form>
  );
}
