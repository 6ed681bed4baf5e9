import { useId, useState } from 'react';
import type { WorkGroup } from '../../../shared/modules/workgroup/workgroup.state.js';
import type { TimerState } from '../../../shared/session/state.js';
import { TimerDisplay } from '../../components/TimerDisplay.js';
import { MoveChoice } from '../flow/MoveChoice.js';
import { capacityText, fillText, type Member } from './model.js';
import type { ReportField } from '../../../shared/modules/workgroup/workgroup.state.js';
import { GroupManage, type GroupCommand } from './GroupManage.js';

export interface GroupCardProps {
  group: WorkGroup;
  theme: string | null;
  members: Member[];
  capacity: number | null;
  fill: Record<ReportField, number>;
  timer: TimerState;
  now: () => number;
  /** The other groups, to move a member or merge into. */
  others: Array<{ id: string; name: string }>;
  /** The address of a board that follows this group (a second projector in a break-out room). */
  boardHref: string;
  onCommand: (cmd: GroupCommand) => void;
}

/** One work group on the console: name and theme, members (move, leader), room, report-out fill, ready, time left. */
export function GroupCard({ group, theme, members, capacity, fill, timer, now, others, boardHref, onCommand }: GroupCardProps) {
  const headingId = useId();
  const [manage, setManage] = useState(false);
  const over = capacity !== null && members.length > capacity;
  return (
    <article className={`wg-card${group.readyAt !== null ? ' wg-card--ready' : ''}`} aria-labelledby={headingId}>
      <header className="wg-card-head">
        <h3 id={headingId}>{group.name}</h3>
        {group.readyAt !== null ? <span className="wg-ready">Ready</span> : <span className="wg-writing">Writing</span>}
      </header>
      {theme && theme !== group.name && <p className="wg-card-theme">{theme}</p>}
      <p className={over ? 'wg-room wg-room--over' : 'wg-room'}>
        {capacityText(members.length, capacity)}
        {over ? ' · over capacity' : ''}
      </p>
      <p className="wg-fill" aria-label={`Report-out of ${group.name}: ${fillText(fill)}`}>
        {fillText(fill)}
      </p>
      <div className="wg-card-time">
        <TimerDisplay timer={timer} now={now} size="small" />
        <span className="muted">{group.timer ? 'own timer' : 'session timer'}</span>
      </div>
      {members.length === 0 ? (
        <p className="muted">No members yet.</p>
      ) : (
        <ul className="wg-members" aria-label={`Members of ${group.name}`}>
          {members.map((m) => {
            const leads = group.leaderId === m.id;
            return (
              <li key={m.id} className="wg-member">
                <span className="wg-member-name">
                  {m.name}
                  {leads && <span className="wg-leader"> · leader</span>}
                </span>
                <span className="wg-member-actions">
                  <MoveChoice
                    focusKey={`member:${m.id}`}
                    label={`Move ${m.name} to`}
                    what={m.name}
                    placeholder="Move to…"
                    onChoose={(v) => onCommand({ type: 'workgroup.assign', payload: { participantId: m.id, workGroupId: v === 'none' ? null : v } })}
                  >
                    {others.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.name}
                      </option>
                    ))}
                    <option value="none">No group</option>
                  </MoveChoice>
                  <button
                    type="button"
                    className="small"
                    aria-pressed={leads}
                    aria-label={leads ? `${m.name} leads ${group.name}: take back` : `Make ${m.name} the leader of ${group.name}`}
                    onClick={() => onCommand({ type: 'workgroup.setLeader', payload: { workGroupId: group.id, participantId: leads ? null : m.id } })}
                  >
                    {leads ? 'Leader ✓' : 'Lead'}
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <button type="button" className="small link" aria-expanded={manage} onClick={() => setManage(!manage)}>
        {manage ? 'Close' : `Timer, message, rename, capacity, merge`}
      </button>
      {manage && (
        <>
          <GroupManage group={group} capacity={group.capacity} others={others} onCommand={onCommand} />
          <a href={boardHref} target="_blank" rel="noreferrer">
            Open this group’s board
          </a>
        </>
      )}
    </article>
  );
}
