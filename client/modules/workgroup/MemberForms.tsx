import { useId, useState, type FormEvent } from 'react';
import type { Member } from './model.js';

/**
 * Move one member of a group to another group or to none: choose who, choose where, then Move. The menus can be
 * browsed with the arrow keys without moving anyone; only the button acts.
 */
export function MoveMemberForm({ groupName, members, others, onMove }: { groupName: string; members: Member[]; others: Array<{ id: string; name: string }>; onMove: (participantId: string, workGroupId: string | null) => void }) {
  const id = useId();
  const [who, setWho] = useState('');
  const [where, setWhere] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!who || !where) return;
    onMove(who, where === 'none' ? null : where);
    setWho('');
    setWhere('');
  };
  return (
    <form className="wg-card-form" onSubmit={submit}>
      <label htmlFor={`${id}-who`} className="visually-hidden">
        Member of {groupName} to move
      </label>
      <select id={`${id}-who`} value={who} onChange={(e) => setWho(e.target.value)}>
        <option value="">Move…</option>
        {members.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-where`} className="visually-hidden">
        Move to
      </label>
      <select id={`${id}-where`} value={where} onChange={(e) => setWhere(e.target.value)}>
        <option value="">to…</option>
        {others.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
        <option value="none">No group</option>
      </select>
      <button type="submit" className="small" disabled={!who || !where} aria-label={`Move from ${groupName}`}>
        Move
      </button>
    </form>
  );
}

/** The facilitator's pick of the group's leader among its members (or none); Set acts. */
export function LeaderForm({ groupName, members, leaderId, onSet }: { groupName: string; members: Member[]; leaderId: string | null; onSet: (participantId: string | null) => void }) {
  const id = useId();
  const current = leaderId ?? '';
  const [choice, setChoice] = useState<string | null>(null);
  const value = choice ?? current;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (value === current) return;
    onSet(value === '' ? null : value);
    setChoice(null);
  };
  return (
    <form className="wg-card-form" onSubmit={submit}>
      <label htmlFor={id}>Leader</label>
      <select id={id} value={value} aria-label={`Leader of ${groupName}`} onChange={(e) => setChoice(e.target.value)}>
        <option value="">None yet</option>
        {members.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
      <button type="submit" className="small" disabled={value === current} aria-label={`Set the leader of ${groupName}`}>
        Set
      </button>
    </form>
  );
}
