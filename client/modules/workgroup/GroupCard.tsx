import { useId, useState } from 'react';
import type { WorkGroup } from '../../../shared/modules/workgroup/workgroup.state.js';
import { capacityText, type Member } from './model.js';
import { GroupManage, type GroupCommand } from './GroupManage.js';
import { LeaderForm, MoveMemberForm } from './MemberForms.js';
import { ConsoleGroupPdf } from './ConsoleGroupPdf.js';

export interface GroupCardProps {
  group: WorkGroup;
  theme: string | null;
  members: Member[];
  capacity: number | null;
  /** The other groups, to move a member or merge into. */
  others: Array<{ id: string; name: string }>;
  /** The address of a board that follows this group (a second projector in a break-out room). */
  boardHref: string;
  /** The work-groups item, for the group's report-out PDF. */
  itemId: string;
  onCommand: (cmd: GroupCommand) => void;
}

/** One work group on the console: name and theme, room, members (move), leader pick; its timer, message and the rest behind a link. */
export function GroupCard({ group, theme, members, capacity, others, boardHref, itemId, onCommand }: GroupCardProps) {
  const headingId = useId();
  const [manage, setManage] = useState(false);
  const over = capacity !== null && members.length > capacity;
  const leader = members.find((m) => m.id === group.leaderId);
  return (
    <article className={`wg-card${group.readyAt !== null ? ' wg-card--ready' : ''}`} aria-labelledby={headingId}>
      <h3 id={headingId}>{group.name}</h3>
      {theme && theme !== group.name && <p className="wg-card-theme">{theme}</p>}
      <p className={over ? 'wg-room wg-room--over' : 'wg-room'}>
        {capacityText(members.length, capacity)}
        {over ? ' · over capacity' : ''}
      </p>
      <p className="wg-member-names" aria-label={`Members of ${group.name}`}>
        {members.length === 0
          ? 'No members yet.'
          : members.map((m, i) => (
              <span key={m.id}>
                {i > 0 && ', '}
                {m.name}
                {m === leader && <strong className="wg-leader"> (leader)</strong>}
              </span>
            ))}
      </p>
      {members.length > 0 && (
        <>
          <MoveMemberForm groupName={group.name} members={members} others={others} onMove={(participantId, workGroupId) => onCommand({ type: 'workgroup.assign', payload: { participantId, workGroupId } })} />
          <LeaderForm groupName={group.name} members={members} leaderId={group.leaderId} onSet={(participantId) => onCommand({ type: 'workgroup.setLeader', payload: { workGroupId: group.id, participantId } })} />
        </>
      )}
      <button type="button" className="small link" aria-expanded={manage} onClick={() => setManage(!manage)}>
        {manage ? 'Close' : 'Timer, message, rename, capacity, merge'}
      </button>
      {manage && (
        <>
          <GroupManage group={group} capacity={group.capacity} others={others} onCommand={onCommand} />
          <div className="button-row">
            <ConsoleGroupPdf itemId={itemId} workGroupId={group.id} name={group.name} />
            <a href={boardHref} target="_blank" rel="noreferrer">
              Open this group’s board
            </a>
          </div>
        </>
      )}
    </article>
  );
}
