import { useEffect, useId, useState, type FormEvent } from 'react';

/** Names a group ("Group name" + "Name group"). */
export function GroupNameForm({ name, onName }: { name: string; onName: (name: string) => void }) {
  const id = useId();
  const [draft, setDraft] = useState(name);
  useEffect(() => setDraft(name), [name]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (draft.trim() !== name) onName(draft.trim());
  };
  return (
    <form className="group-name-form" onSubmit={submit} noValidate>
      <label htmlFor={id} className="visually-hidden">
        Group name
      </label>
      <input id={id} value={draft} maxLength={60} placeholder="Group name" onChange={(e) => setDraft(e.target.value)} />
      <button type="submit">Name group</button>
    </form>
  );
}
