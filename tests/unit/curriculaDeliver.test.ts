import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../server/templates.js';
import { loadProtocol } from '../../shared/modules/registry.js';
import type { AgendaTemplate } from '../../shared/protocol/agenda.schema.js';
import { SHIPPED_TEMPLATES } from '../support/harness.js';

await loadProtocol();
const shipped = loadTemplates(SHIPPED_TEMPLATES).templates;
const byId = (id: string): AgendaTemplate => {
  const t = shipped.find((x) => x.id === id);
  if (!t) throw new Error(`no template ${id} in sessions/`);
  return t;
};
type Kind = AgendaTemplate['items'][number]['moduleType'];

/**
 * Issue 11's list of workshops, seed by seed: the template that runs each, and the item (its title, and the module
 * that runs it) or the words of its prompt that show it is there.
 */
const DELIVER: Array<[string, string, string, RegExp, Kind?]> = [
  ['seed 000', 'overview', 'strategic-planning-overview', /^Overview of the strategic planning process$/],
  ['seed 000', 'mission and vision, with the crosswalk', 'strategic-planning-overview', /mission and vision against the CFSR outcomes/i, 'crosswalk'],
  ['seed 000', 'core values, with the values survey', 'strategic-planning-overview', /core values/i, 'values'],
  ['seed 000', 'the planning how-tos', 'strategic-planning-overview', /how-to/i],
  ['seed 000', 'stage 1 with its "reflect on the previous CFSR"', 'strategic-planning-stages', /^Stage 1: reflect on the previous CFSR$/],
  ['seed 000', 'stage 2 with its "reflect on the previous CFSR"', 'strategic-planning-stages', /^Stage 2: reflect on the previous CFSR$/],
  ['seed 000', 'stage 3 with its "reflect on the previous CFSR"', 'strategic-planning-stages', /^Stage 3: reflect on the previous CFSR$/],
  ['seed 000', 'stage 4 with its "reflect on the previous CFSR"', 'strategic-planning-stages', /^Stage 4: reflect on the previous CFSR$/],
  ['seed 000', 'the integrated plan', 'integrated-plan', /integrat/i],
  ['seed 000', 'putting it together', 'integrated-plan', /four strategic planning questions|develop a strategic plan/i],
  ['seed 001', 'the element groups', 'collaboration-element-groups', /element groups at work/i, 'workgroups'],
  ['seed 001', 'the element groups’ report-outs', 'collaboration-element-groups', /report out/i, 'reportout'],
  ['seed 001', 'the case-study critique', 'case-study-critique', /case-study groups at work/i, 'workgroups'],
  ['seed 001', 'the case studies reported out', 'case-study-critique', /report out the case studies/i, 'reportout'],
  ['seed 001', 'the eco-map and engagement plan', 'stakeholder-engagement', /eco-map and engagement plan/i, 'ecomap'],
  ['seed 001', 'stakeholder involvement at each CFSR phase', 'stakeholder-engagement', /each phase of the CFSR/i],
  ['seed 002', 'readiness', 'cec-readiness-orientation', /^Readiness/],
  ['seed 002', 'orientation', 'cec-readiness-orientation', /^Orientation/],
  ['seed 002', 'the data retreat’s SWOT', 'data-retreat', /SWOT/, 'swot'],
  ['seed 002', 'the vision retreat’s preferred future', 'vision-retreat', /preferred future/i, 'vision'],
  ['seed 002', 'setting direction', 'setting-direction-retreat', /strategies/i],
  ['seed 002', 'refinement', 'refinement-meeting', /refinements/i],
  ['seed 002', 'action plans (PDSA)', 'action-plans-living-the-plan', /PDSA/, 'workgroups'],
  ['seed 002', 'living the plan', 'action-plans-living-the-plan', /^Living the plan$/],
  ['seed 003', 'the kick-off day’s theme work groups', 'pip-kickoff', /theme work groups/i, 'workgroups'],
  ['seed 003', 'the kick-off day’s report-outs', 'pip-kickoff', /report-outs/i, 'reportout'],
  ['seed 003', 'the kick-off day’s synthesis', 'pip-kickoff', /large group/i, 'synthesis'],
  ['seed 003', 'the debrief', 'pip-debrief', /feedback on each of the theme work groups/i, 'reportout'],
  ['seed 003', 'the follow-up calls', 'pip-followup', /where the work groups left off/i, 'reportout'],
  ['seed 004', 'strategy management', 'systems-change', /^Strategy management$/],
  ['seed 004', 'stakeholder engagement structures', 'systems-change', /^Stakeholder engagement structures$/],
  ['seed 004', 'the initiative crosswalk', 'systems-change', /^Initiative crosswalk$/],
  ['seed 004', 'the balanced scorecard', 'systems-change', /^Balanced scorecard/],
];

describe('issue 11’s workshops, seed by seed, in sessions/', () => {
  it.each(DELIVER)('%s: %s (%s)', (seed, _what, id, title, kind) => {
    const t = byId(id);
    expect(`${t.source ?? ''} ${t.description}`).toContain(seed);
    const items = t.items.filter((i) => title.test(i.title) && (!kind || i.moduleType === kind));
    expect(items.length, `${id}: an item ${title}${kind ? ` run by ${kind}` : ''}`).toBeGreaterThan(0);
  });

  it('the case-study groups work with the hand-out’s questions, and the action plans are SMART', () => {
    expect(byId('case-study-critique').items.find((i) => i.moduleType === 'workgroups')?.prompt).toMatch(/Hand Out 9|HO 9/);
    expect(JSON.stringify(byId('action-plans-living-the-plan'))).toMatch(/SMART/);
  });
});
