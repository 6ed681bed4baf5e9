import { useMemo } from 'react';
import type { ModuleScreenProps } from '../types.js';
import { actorOf, sendCommand, serverNow, useSession } from '../../store.js';
import { mayChange, mayLead } from '../../../shared/modules/workgroup/workgroup.view.js';
import { TimerDisplay } from '../../components/TimerDisplay.js';
import { participantById } from '../../../shared/session/notes.js';
import { REPORT_FIELDS, type ReportAnswer, type ReportField, type WorkGroup } from '../../../shared/modules/workgroup/workgroup.state.js';
import { GroupPicker } from './GroupPicker.js';
import { ReportOutEditor } from './ReportOutEditor.js';
import { StrategyCard } from './StrategyCard.js';
import { TextLineForm } from './TextLineForm.js';
import { GroupPdfButton } from './GroupPdfButton.js';
import { answersOf, capacityOf, groupTimer, messagesOf, myGroup, namedMembers, strategiesOf, themeTitle } from './model.js';
import { useWorkGroups } from './useWorkGroups.js';

/** The phone of a member: its group, leader, timer, latest message, strategies and steps, report-out, ready and PDF. */
function MyGroup({ group, itemId }: { group: WorkGroup; itemId: string }) {
  const w = useWorkGroups();
  const state = useSession((s) => s.state);
  const role = useSession((s) => s.role);
  const me = useSession((s) => s.participantId);
  const actor = actorOf({ role, participantId: me });
  const leads = mayLead(state, actor, group);
  const changes = (authorId: string | null) => mayChange(state, actor, group, authorId);
  const theme = themeTitle(w, group);
  const leader = group.leaderId ? participantById(state, group.leaderId)?.name : undefined;
  const message = messagesOf(state, group.id).at(-1);
  const strategies = strategiesOf(state, group);
  const answers = useMemo(
    () => Object.fromEntries(REPORT_FIELDS.map((f) => [f, answersOf(state, group.id, f)])) as Record<ReportField, ReportAnswer[]>,
    [state, group.id],
  );
  const id = group.id;
  return (
    <>
      <section className="phone-card stack" aria-labelledby="wg-mine-heading">
        <h2 id="wg-mine-heading">
          You are in {group.name}
          {theme && theme !== group.name ? ` · ${theme}` : ''}
        </h2>
        <p>
          {leads ? 'You lead this group: you can edit and order its work and mark its report-out ready.' : leader ? `Leader: ${leader}` : 'No leader yet.'}
        </p>
        {!group.leaderId && (
          <button type="button" className="small" onClick={() => void sendCommand({ type: 'workgroup.lead', payload: { workGroupId: id } })}>
            I will lead this group
          </button>
        )}
        {/* A group that follows the session timer has it above already; its own timer shows here. */}
        {group.timer && (
          <div className="stack">
            <p className="eyebrow">Your group’s timer</p>
            <TimerDisplay timer={groupTimer(state, group)} now={serverNow} size="medium" />
          </div>
        )}
        {message && (
          <p className={message.warning ? 'notice wg-message' : 'wg-message'} role="status">
            <strong>{message.warning ? 'Time warning: ' : 'From the facilitator: '}</strong>
            {message.text}
          </p>
        )}
        {w.selfSelect && (
          <button type="button" className="small link" onClick={() => void sendCommand({ type: 'workgroup.leave', payload: {} })}>
            Leave this group
          </button>
        )}
      </section>
      <section className="phone-card stack" aria-labelledby="wg-strategies-heading">
        <h2 id="wg-strategies-heading">Strategies and action steps</h2>
        {strategies.length === 0 && <p className="muted">No strategies yet: add the first.</p>}
        {strategies.length > 0 && (
          <ol className="wg-strategies">
            {strategies.map((s, i) => (
              <StrategyCard key={s.id} strategy={s} index={i} last={strategies.length - 1} leads={leads} mayChange={changes} />
            ))}
          </ol>
        )}
        <TextLineForm label="New strategy" submitLabel="Add strategy" what="A strategy" rows={2} onSubmit={(text) => void sendCommand({ type: 'workgroup.addStrategy', payload: { workGroupId: id, text } })} />
      </section>
      <ReportOutEditor
        answers={answers}
        canChange={(a) => changes(a.authorId)}
        onAdd={(field, text) => void sendCommand({ type: 'workgroup.addAnswer', payload: { workGroupId: id, field, text } })}
        onEdit={(answerId, text) => void sendCommand({ type: 'workgroup.editAnswer', payload: { answerId, text } })}
        onRemove={(answerId) => void sendCommand({ type: 'workgroup.removeAnswer', payload: { answerId } })}
      />
      <section className="phone-card stack" aria-label="Report-out ready">
        {group.readyAt !== null ? <p role="status">Our report-out is marked ready.</p> : <p>{leads ? 'When the report-out is complete, mark it ready.' : 'The leader marks the report-out ready.'}</p>}
        {leads && (
          <button
            type="button"
            className={group.readyAt === null ? 'primary' : undefined}
            onClick={() => void sendCommand({ type: 'workgroup.ready', payload: { workGroupId: id, ready: group.readyAt === null } })}
          >
            {group.readyAt === null ? 'Mark report-out ready' : 'Not ready after all'}
          </button>
        )}
        {group.readyAt !== null && <GroupPdfButton itemId={itemId} />}
      </section>
    </>
  );
}

/** The work-group item on a phone: pick a group (or wait to be assigned), then the group's own board. */
export function WorkgroupsPhone({ item }: ModuleScreenProps) {
  const w = useWorkGroups();
  const state = useSession((s) => s.state);
  const me = useSession((s) => s.participantId);
  const group = myGroup(state, me);
  if (group) return <MyGroup group={group} itemId={item.id} />;
  const groups = w.groups.map((g) => ({ id: g.id, name: g.name, theme: themeTitle(w, g), count: namedMembers(state, g.id).length, capacity: capacityOf(w, g) }));
  return <GroupPicker groups={groups} selfSelect={w.selfSelect} onJoin={(workGroupId) => void sendCommand({ type: 'workgroup.join', payload: { workGroupId } })} />;
}
