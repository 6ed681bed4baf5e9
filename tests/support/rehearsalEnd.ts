import { ecoMapOf } from '../../shared/modules/ecomap/ecomap.state.js';
import { flowOf } from '../../shared/modules/flow/flow.state.js';
import { plenaryOf } from '../../shared/modules/plenary/plenary.state.js';
import { surveyOf } from '../../shared/modules/values/values.state.js';
import { visionOf } from '../../shared/modules/vision/vision.logic.js';
import { workGroupsOf } from '../../shared/modules/workgroup/workgroup.state.js';
import { itemNotes } from '../../shared/rehearsal/room.js';
import { dictGet } from '../../shared/session/dict.js';
import type { AgendaItem, SessionState } from '../../shared/session/state.js';

/**
 * What is not yet at the end state of an item's main activity after a rehearsal, as sentences (empty: it got there).
 * `people`: the simulated participants' ids. Read from the facilitator's state.
 */
export function unfinished(s: SessionState, item: AgendaItem, people: readonly string[]): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, what: string) => void (ok || problems.push(`${item.moduleType} "${item.title}": ${what}`));
  const everyonePosted = () => need(people.every((p) => itemNotes(s, item.id, p).length > 0), 'every participant posted a note');
  const flowDone = () => {
    const flow = flowOf(s, item.id);
    need(flow.phase === 'results', `the flow reached its results (it is at ${flow.phase})`);
    need(Object.values(flow.totals ?? {}).some((n) => n > 0), 'dots were placed');
  };
  const wg = workGroupsOf(s);
  const staffed = wg.groups.filter((g) => Object.values(wg.members).includes(g.id));
  switch (item.moduleType) {
    case 'presentation':
      return problems;
    case 'discussion':
    case 'board':
      everyonePosted();
      need(dictGet(s.lockedItems, item.id) === true, 'the board is locked');
      return problems;
    case 'swot':
      everyonePosted();
      flowDone();
      return problems;
    case 'vision':
      everyonePosted();
      flowDone();
      need(visionOf(s, item.id).final !== null, 'the statement is final');
      need((visionOf(s, item.id).final?.distribution.reduce((a, b) => a + b, 0) ?? 0) === people.length, 'everyone answered the fist-to-five');
      return problems;
    case 'crosswalk': {
      const v = visionOf(s, item.id);
      need(!v.crosswalk.open, 'the crosswalk is closed');
      need(people.every((p) => Object.keys(dictGet(v.crosswalk.ratings, p) ?? {}).length > 0), 'everyone rated the outcomes');
      return problems;
    }
    case 'values': {
      const v = surveyOf(s, item.id);
      need(v.phase === 'closed' && v.resultsShown, 'the survey is closed with its results shown');
      need(v.respondents === people.length, `everyone answered (${v.respondents} of ${people.length})`);
      need(Object.keys(v.actions).length > 0, 'an action to cultivate a value');
      return problems;
    }
    case 'ecomap': {
      const m = ecoMapOf(s, item.id);
      need(m.vote === 'closed' && m.resultsShown, 'the vote is closed with its results shown');
      need(m.markers === people.length, `everyone marked (${m.markers} of ${people.length})`);
      need(Object.keys(m.plan).length > 0, 'the engagement plan has rows');
      return problems;
    }
    case 'themes':
      need(wg.themes.length >= 1, 'themes are set');
      return problems;
    case 'workgroups':
      need(people.every((p) => dictGet(wg.members, p) !== undefined), 'everyone is in a group');
      need(staffed.length > 0 && staffed.every((g) => g.readyAt !== null && g.leaderId !== null), 'every group with members has a leader and is ready');
      return problems;
    case 'reportout': {
      const p = plenaryOf(s);
      need(staffed.length > 0, 'there were work groups with members to hear');
      need(staffed.every((g) => Object.values(wg.answers).some((a) => a.workGroupId === g.id)), 'every group with members has report-out answers');
      need(wg.groups.every((g) => p.presented.includes(g.id)) && p.presenting === null, 'every group presented, and the last one stopped');
      if (staffed.length > 1) need(p.reactions.length > 0, 'the room asked questions');
      return problems;
    }
    case 'synthesis':
      flowDone();
      if (staffed.length > 0) need(Object.keys(plenaryOf(s).links).length > 0, 'report-out entries were pulled');
      return problems;
    case 'nextsteps':
      need(plenaryOf(s).nextSteps.some((n) => n.itemId === item.id), 'next steps are written');
      return problems;
  }
}

/** Items whose kind has nothing for the room to write (a presentation; a crosswalk's ratings are checked by `unfinished`). */
export const WITHOUT_TEXT = new Set<AgendaItem['moduleType']>(['presentation', 'crosswalk']);

/** Texts a rehearsal of the item produced that its report section should show (empty: nothing to look for). */
export function producedTexts(s: SessionState, item: AgendaItem): string[] {
  const wg = workGroupsOf(s);
  switch (item.moduleType) {
    case 'discussion':
    case 'board':
    case 'swot':
    case 'synthesis':
      return itemNotes(s, item.id).map((n) => n.text);
    case 'vision':
      return [visionOf(s, item.id).final?.statement ?? ''].filter(Boolean);
    case 'values': {
      const v = surveyOf(s, item.id);
      return v.order.map((id) => dictGet(v.values, id)?.name ?? '').filter(Boolean);
    }
    case 'ecomap': {
      const m = ecoMapOf(s, item.id);
      return m.order.map((id) => dictGet(m.partners, id)?.name ?? '').filter(Boolean);
    }
    case 'themes':
      return wg.themes.map((t) => t.title);
    case 'workgroups':
      return Object.values(wg.strategies).map((x) => x.text);
    case 'reportout':
      return [...wg.groups.map((g) => g.name), ...Object.values(wg.answers).map((a) => a.text)];
    case 'nextsteps':
      return plenaryOf(s).nextSteps.filter((n) => n.itemId === item.id).map((n) => n.what);
    case 'presentation':
    case 'crosswalk':
      return [];
  }
}
