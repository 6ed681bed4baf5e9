import { kindOf } from '../../../shared/modules/registry.js';
import type { TemplateSummary } from './api.js';
import { durationText, totalMinutes } from './templateSearch.js';

/** What a template holds: its source, its description, and the agenda with each item's minutes and kind. */
export function TemplatePreview({ template }: { template: TemplateSummary }) {
  const total = totalMinutes(template);
  return (
    <div className="template-preview stack" id={`preview-${template.id}`}>
      <p>
        <strong>Source: </strong>
        {template.source ?? (template.saved ? 'saved from a session on this server' : 'not named')}
      </p>
      {template.description && <p className="template-description">{template.description}</p>}
      <ol className="template-agenda">
        {template.items.map((item, i) => (
          <li key={i}>
            <span className="template-agenda-title">{item.title}</span>
            <span className="muted">
              {item.plannedMinutes} min · {kindOf(item.moduleType).label}
            </span>
          </li>
        ))}
      </ol>
      <p className="template-total">
        Total: <strong>{durationText(total)}</strong> ({total} minutes) in {template.items.length} item{template.items.length === 1 ? '' : 's'}.
      </p>
    </div>
  );
}
