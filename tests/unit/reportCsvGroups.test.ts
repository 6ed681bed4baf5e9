import { describe, expect, it } from 'vitest';
import { loadProtocol } from '../../shared/modules/registry.js';
import { toCsv } from '../../shared/report/csv.js';
import type { ReportOptions } from '../../shared/report/model.js';
import { parseCsv } from '../support/csvParse.js';
import { kickoff } from '../support/plenaryFixtures.js';
import { agendaItem, FACILITATOR, SessionModel } from '../support/sessionModel.js';

await loadProtocol();
const options = (names: boolean): ReportOptions => ({ scope: { kind: 'session' }, names, at: 0 });
const read = (csv: string): Record<string, string>[] => {
  const [header, ...rows] = parseCsv(csv);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
};
const pick = (rows: Record<string, string>[]) => rows.map((r) => [r.module, r.kind, r.column, r.group, r.text, r.value, ...(r.author !== undefined ? [r.author] : [])]);

/** A report-out morning: the kick-off's groups imported, a question from the room, a next step. */
function morning(): SessionModel {
  const m = new SessionModel([agendaItem('th', 'themes'), agendaItem('ro', 'reportout'), agendaItem('ns', 'nextsteps')]);
  m.ok(FACILITATOR, { type: 'plenary.receive', payload: { source: kickoff() } });
  const cy = m.join('p-cy', 'Cy');
  m.ok(FACILITATOR, { type: 'plenary.present', payload: { itemId: 'ro', workGroupId: 'g1' } });
  m.ok(cy, { type: 'plenary.react', payload: { workGroupId: 'g1', kind: 'question', text: 'Who pays for it?' } });
  m.ok(FACILITATOR, { type: 'plenary.addNextStep', payload: { itemId: 'ns', what: 'Send the checklist', owner: 'Dee', partner: null, term: 'short', date: 'May 1' } });
  return m;
}

describe('the CSV export of work groups, report-outs and next steps', () => {
  it('lists the themes, each group’s strategies, action steps and report-out once, the room’s questions and the next steps', () => {
    const rows = read(toCsv(morning().state, options(false)));
    expect(pick(rows)).toEqual([
      ['themes', 'theme', '', '', 'Safety', ''],
      ['themes', 'theme', '', '', 'Permanency', ''],
      ['reportout', 'strategy', '', 'Safety group', 'Safety plans reviewed monthly', ''],
      ['reportout', 'action step', 'Safety plans reviewed monthly', 'Safety group', 'Draft the checklist', 'Ana, March'],
      ['reportout', 'report-out', 'Basic recommendations', 'Safety group', 'More kinship homes', ''],
      ['reportout', 'report-out', 'Technical-assistance needs', 'Safety group', 'Data coaching', ''],
      ['reportout', 'strategy', '', 'Permanency group', 'Concurrent planning from day one', ''],
      ['reportout', 'report-out', 'Basic recommendations', 'Permanency group', 'Faster court dates', ''],
      ['reportout', 'question', '', 'Safety group', 'Who pays for it?', ''],
      ['nextsteps', 'next step', 'Short term', '', 'Send the checklist', 'Dee, May 1'],
    ]);
  });

  it('names authors only with names on', () => {
    const named = read(toCsv(morning().state, options(true)));
    expect(named.filter((r) => r.author).map((r) => [r.kind, r.text, r.author])).toEqual([
      ['strategy', 'Safety plans reviewed monthly', 'Ana'],
      ['report-out', 'More kinship homes', 'Ana'],
      ['report-out', 'Data coaching', 'Ana'],
      ['strategy', 'Concurrent planning from day one', 'Bo'],
      ['report-out', 'Faster court dates', 'Bo'],
      ['question', 'Who pays for it?', 'Cy'],
    ]);
    expect(parseCsv(toCsv(morning().state, options(false)))[0]).not.toContain('author');
  });
});
