import type { ModuleScreenProps } from '../types.js';
import { serverNow, useSession } from '../../store.js';
import { TimerDisplay } from '../../components/TimerDisplay.js';
import { participantById } from '../../../shared/session/notes.js';
import { REPORT_FIELDS, REPORT_FIELD_LABELS, type WorkGroup } from '../../../shared/modules/workgroup/workgroup.state.js';
import { count } from '../../../shared/report/format.js';
import { PAGES_CLASS } from '../../views/board/useBoardPages.js';
import { answersOf, FIELD_SHORT, fillOf, groupTimer, namedMembers, strategiesOf, themeTitle } from './model.js';
import { useWorkGroups } from './useWorkGroups.js';

/** The group a board follows: `?group=<id>` in its address (a second projector in a break-out room). */
export const followedGroup = (search: string): string | null => new URLSearchParams(search).get('group');

/** The whole room: each group's name, theme, members, report-out fill per field, and whether it is ready. */
function RoomBoard() {
  const w = useWorkGroups();
  const state = useSession((s) => s.state);
  if (w.groups.length === 0) return <p className="board-empty">The work groups are being formed.</p>;
  return (
    <ul className={`wg-board-room ${PAGES_CLASS}`} aria-label="Work groups">
      {w.groups.map((g) => {
        const fill = fillOf(state, g.id);
        const theme = themeTitle(w, g);
        return (
          <li key={g.id} className={`wg-board-tile${g.readyAt !== null ? ' wg-board-tile--ready' : ''}`}>
            <p className="wg-board-tile-name">
              {g.name}
              {g.readyAt !== null && <span className="wg-board-ready">Ready</span>}
            </p>
            {theme && theme !== g.name && <p className="wg-board-tile-theme">{theme}</p>}
            <p className="wg-board-tile-count">{count(namedMembers(state, g.id).length, 'member')}</p>
            <ul className="wg-board-fill" aria-label={`Report-out of ${g.name}`}>
              {REPORT_FIELDS.map((f) => (
                <li key={f}>
                  <span>{FIELD_SHORT[f]}</span> <strong>{fill[f]}</strong>
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}

/** One group's board, large: its strategies with their action steps and its report-out so far. */
function GroupBoard({ group }: { group: WorkGroup }) {
  const w = useWorkGroups();
  const state = useSession((s) => s.state);
  const theme = themeTitle(w, group);
  const leader = group.leaderId ? participantById(state, group.leaderId)?.name : undefined;
  const strategies = strategiesOf(state, group);
  return (
    <div className="wg-board-group">
      <div className="wg-board-group-head">
        <p className="wg-board-group-name">
          {group.name}
          {theme && theme !== group.name ? ` · ${theme}` : ''}
          {leader ? <span className="wg-board-leader"> · Leader: {leader}</span> : null}
          {group.readyAt !== null && <span className="wg-board-ready">Ready</span>}
        </p>
        {/* A group that follows the session timer has it in the board's header already. */}
        {group.timer && <TimerDisplay timer={groupTimer(state, group)} now={serverNow} size="medium" />}
      </div>
      <div className={`wg-board-work ${PAGES_CLASS}`}>
        <section className="wg-board-block wg-board-strategies" aria-label="Strategies">
          <h3>Strategies</h3>
          {strategies.length === 0 && <p className="board-empty">No strategies yet.</p>}
        </section>
        {strategies.map((s, i) => (
          <section key={s.id} className="wg-board-block wg-board-strategy">
            <p className="wg-board-strategy-text">
              {i + 1}. {s.text}
            </p>
            {s.steps.length > 0 && (
              <ul className="wg-board-steps">
                {s.steps.map((st) => (
                  <li key={st.id}>
                    {st.what}
                    {(st.owner || st.byWhen) && <span className="wg-board-step-meta"> · {[st.owner, st.byWhen].filter(Boolean).join(' · ')}</span>}
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
        {REPORT_FIELDS.map((f) => {
          const answers = answersOf(state, group.id, f);
          return (
            <section key={f} className="wg-board-block wg-board-field" aria-label={REPORT_FIELD_LABELS[f]}>
              <h3>{REPORT_FIELD_LABELS[f]}</h3>
              {answers.length === 0 ? (
                <p className="board-empty">Nothing yet.</p>
              ) : (
                <ul>
                  {answers.map((a) => (
                    <li key={a.id}>{a.text}</li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </div>
  );
}

/** The work-group item on the projector: the whole room, or one group's board with `?group=<id>`. */
export function WorkgroupsBoard(_props: ModuleScreenProps) {
  const w = useWorkGroups();
  const followed = followedGroup(window.location.search);
  if (followed === null) return <RoomBoard />;
  const group = w.groups.find((g) => g.id === followed);
  if (!group) return <p className="board-empty">This board follows a work group that is not in this session any more.</p>;
  return <GroupBoard group={group} />;
}
