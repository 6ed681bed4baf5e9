import { useId, useState, type FormEvent } from 'react';
import type { ModuleScreenProps } from '../types.js';
import { sendCommand, serverNow, useSession } from '../../store.js';
import { MAX_GROUPS } from '../../../shared/modules/workgroup/workgroup.state.js';
import { count } from '../../../shared/report/format.js';
import { MoveChoice } from '../flow/MoveChoice.js';
import { GroupCard } from './GroupCard.js';
import { wholeNumber } from './GroupManage.js';
import { MessageForm } from './MessageForm.js';
import { TextLineForm } from './TextLineForm.js';
import { capacityOf, fillOf, groupTimer, namedMembers, themeTitle, unassigned } from './model.js';
import { GroupsOverview } from './GroupsOverview.js';
import { useWorkGroups } from './useWorkGroups.js';

/** How people get into groups: the session's default capacity and whether phones pick their own group. */
function Settings() {
  const w = useWorkGroups();
  const id = useId();
  const [cap, setCap] = useState(w.capacity === null ? '' : String(w.capacity));
  const [error, setError] = useState<string | null>(null);
  const configure = (capacity: number | null, selfSelect: boolean) => void sendCommand({ type: 'workgroup.configure', payload: { capacity, selfSelect } });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = wholeNumber(cap, 500);
    if (n === 'bad') return setError('Capacity is a whole number from 1 to 500, or empty for no limit.');
    setError(null);
    configure(n, w.selfSelect);
  };
  return (
    <div className="wg-settings">
      <label className="wg-check">
        <input type="checkbox" checked={w.selfSelect} onChange={(e) => configure(w.capacity, e.target.checked)} />
        Participants pick their group
      </label>
      <form className="wg-inline" onSubmit={submit} noValidate>
        <label htmlFor={id}>Capacity per group</label>
        <input id={id} className="wg-number" inputMode="numeric" placeholder="none" value={cap} onChange={(e) => setCap(e.target.value)} />
        <button type="submit" className="small">
          Set
        </button>
      </form>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** The afternoon on the console: every group side by side, and what acts on all of them. */
export function WorkgroupsConsole({ item }: ModuleScreenProps) {
  const w = useWorkGroups();
  const state = useSession((s) => s.state);
  const waiting = unassigned(state, w);
  const themesWithout = w.themes.filter((t) => !w.groups.some((g) => g.themeId === t.id)).length;
  const [more, setMore] = useState(false);
  const names = w.groups.map((g) => ({ id: g.id, name: g.name }));
  return (
    <section className="card stack wg-console" aria-labelledby="wg-console-heading">
      <div className="wg-toolbar">
        <h2 id="wg-console-heading">Work groups</h2>
        <button type="button" className="small" disabled={themesWithout === 0 || w.groups.length >= MAX_GROUPS} onClick={() => void sendCommand({ type: 'workgroup.makeGroups', payload: {} })}>
          Make one group per theme
        </button>
        <button type="button" className="small" disabled={waiting.length === 0 || w.groups.length === 0} onClick={() => void sendCommand({ type: 'workgroup.balance', payload: {} })}>
          Balance ({count(waiting.length, 'person', 'people')} in no group)
        </button>
        <button type="button" className="small link" aria-expanded={more} onClick={() => setMore(!more)}>
          {more ? 'Close' : 'Add a group, settings, message to all'}
        </button>
      </div>
      {more && (
        <div className="wg-more">
          <TextLineForm label="New group" submitLabel="Add group" what="A group's name" onSubmit={(name) => void sendCommand({ type: 'workgroup.addGroup', payload: { name, themeId: null } })} />
          <Settings />
          <MessageForm to="all groups" onSend={(text, warning) => void sendCommand({ type: 'workgroup.message', payload: { workGroupId: null, text, warning } })} />
        </div>
      )}
      {waiting.length > 0 && w.groups.length > 0 && (
        <details className="wg-waiting">
          <summary>{count(waiting.length, 'participant')} in no group</summary>
          <ul>
            {waiting.map((m) => (
              <li key={m.id} className="wg-member">
                <span className="wg-member-name">{m.name}</span>
                <MoveChoice focusKey={`member:${m.id}`} label={`Assign ${m.name} to`} what={m.name} placeholder="Assign to…" onChoose={(v) => void sendCommand({ type: 'workgroup.assign', payload: { participantId: m.id, workGroupId: v } })}>
                  {names.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </MoveChoice>
              </li>
            ))}
          </ul>
        </details>
      )}
      {w.groups.length === 0 ? (
        <p className="muted">No groups yet. Make one group per theme, or add a group.</p>
      ) : (
        <>
          <GroupsOverview
            now={serverNow}
            rows={w.groups.map((g) => ({ group: g, theme: themeTitle(w, g), members: namedMembers(state, g.id).length, capacity: capacityOf(w, g), fill: fillOf(state, g.id), timer: groupTimer(state, g) }))}
          />
          <div className="wg-cards">
            {w.groups.map((g) => (
              <GroupCard
                key={g.id}
                group={g}
                theme={themeTitle(w, g)}
                members={namedMembers(state, g.id)}
                capacity={capacityOf(w, g)}
                others={names.filter((o) => o.id !== g.id)}
                boardHref={`/board/${state.joinCode}?group=${encodeURIComponent(g.id)}`}
                itemId={item.id}
                onCommand={(cmd) => void sendCommand(cmd)}
              />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
