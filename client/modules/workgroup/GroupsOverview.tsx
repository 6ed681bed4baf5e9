import { REPORT_FIELDS, type ReportField, type WorkGroup } from '../../../shared/modules/workgroup/workgroup.state.js';
import type { TimerState } from '../../../shared/session/state.js';
import { TimerDisplay } from '../../components/TimerDisplay.js';
import { capacityText, FIELD_SHORT, fillText } from './model.js';

export interface OverviewRow {
  group: WorkGroup;
  theme: string | null;
  members: number;
  capacity: number | null;
  fill: Record<ReportField, number>;
  timer: TimerState;
}

/**
 * Every group at a glance, one row each, short enough for a laptop's first screen with five groups: its room, how
 * many entries each report-out field holds, whether the leader marked it ready, and its time left.
 */
export function GroupsOverview({ rows, now }: { rows: OverviewRow[]; now: () => number }) {
  return (
    <table className="wg-overview">
      <caption className="visually-hidden">Every work group: members, report-out entries per field, ready, time left</caption>
      <thead>
        <tr>
          <th scope="col">Group</th>
          {REPORT_FIELDS.map((f) => (
            <th key={f} scope="col" className="wg-num">
              {FIELD_SHORT[f]}
            </th>
          ))}
          <th scope="col">Time left</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ group, theme, members, capacity, fill, timer }) => (
          <tr key={group.id} aria-label={`${group.name}: ${fillText(fill)}`}>
            <th scope="row">
              {group.readyAt !== null ? <span className="wg-ready">Ready</span> : <span className="wg-writing">Writing</span>} {group.name}
              {theme && theme !== group.name && <span className="wg-overview-theme"> · {theme}</span>}
              <span className={capacity !== null && members > capacity ? 'wg-overview-room wg-room--over' : 'wg-overview-room'}> ({capacityText(members, capacity)})</span>
            </th>
            {REPORT_FIELDS.map((f) => (
              <td key={f} className={fill[f] === 0 ? 'wg-num wg-num--zero' : 'wg-num'}>
                {fill[f]}
              </td>
            ))}
            <td>
              <TimerDisplay timer={timer} now={now} size="small" />
              {group.timer && <span className="muted">own timer</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
