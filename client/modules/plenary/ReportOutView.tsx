import { REPORT_FIELDS, REPORT_FIELD_LABELS, type WorkGroup } from '../../../shared/modules/workgroup/workgroup.state.js';
import { answersOf, strategiesOf } from '../../../shared/modules/workgroup/workgroup.report.js';
import { useSession } from '../../store.js';

/** One group's report-out: each field's entries, then its strategies with their action steps. */
export function ReportOutView({ group, layout }: { group: WorkGroup; layout: 'console' | 'phone' | 'board' | 'review' }) {
  const state = useSession((s) => s.state);
  const strategies = strategiesOf(state, group);
  return (
    <div className={`plenary-reportout plenary-reportout--${layout}`}>
      {REPORT_FIELDS.map((field) => {
        const mine = answersOf(state, group.id, field);
        return (
          <section key={field} className="plenary-field">
            <h3>{REPORT_FIELD_LABELS[field]}</h3>
            {mine.length ? (
              <ul>
                {mine.map((a) => (
                  <li key={a.id}>{a.text}</li>
                ))}
              </ul>
            ) : (
              <p className="muted">Nothing written yet.</p>
            )}
          </section>
        );
      })}
      {strategies.length > 0 && (
        <section className="plenary-field plenary-strategies">
          <h3>Strategies and action steps</h3>
          <ul>
            {strategies.map((st) => (
              <li key={st.id}>
                {st.text}
                {st.steps.length > 0 && (
                  <ul className="plenary-steps">
                    {st.steps.map((x) => (
                      <li key={x.id}>
                        {x.what}
                        {x.owner && ` · ${x.owner}`}
                        {x.byWhen && ` · by ${x.byWhen}`}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
