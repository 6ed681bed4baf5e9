import type { CommandBody } from '../../protocol/commands.js';
import { dictGet } from '../../session/dict.js';
import type { RehearsalHooks } from '../../session/module.js';
import type { AgendaItem, SessionState } from '../../session/state.js';
import { clauses, phrase } from '../../rehearsal/phrases.js';
import type { Rng } from '../../rehearsal/rng.js';
import { itemNotes } from '../../rehearsal/room.js';
import { REPORT_FIELDS, workGroupsOf, type WorkGroup, type WorkGroupsState } from './workgroup.state.js';

/** How many themes a rehearsal sets when the item gives none (seed 003: "3-5 major themes"). */
const THEMES = 3;
const THEME_LENGTH = 60;

const membersOf = (wg: WorkGroupsState, g: WorkGroup): string[] => Object.keys(wg.members).filter((p) => dictGet(wg.members, p) === g.id);
const hasRoom = (wg: WorkGroupsState, g: WorkGroup): boolean => {
  const cap = g.capacity ?? wg.capacity;
  return cap === null || membersOf(wg, g).length < cap;
};

/**
 * A simulated member's afternoon: join the smallest group with room, take the lead of a leaderless group, add a
 * strategy with one action step and one report-out answer (members share out the headings), and, as the leader,
 * mark the report-out ready once every member has answered.
 */
export function simulateWorkGroup(s: SessionState, item: AgendaItem, me: string, rng: Rng): CommandBody | null {
  if (item.moduleType !== 'workgroups') return null;
  const wg = workGroupsOf(s);
  const mineId = dictGet(wg.members, me);
  const g = wg.groups.find((x) => x.id === mineId);
  if (!g) {
    if (!wg.selfSelect) return null;
    const open = wg.groups.filter((x) => hasRoom(wg, x)).sort((a, b) => membersOf(wg, a).length - membersOf(wg, b).length);
    return open[0] ? { type: 'workgroup.join', payload: { workGroupId: open[0].id } } : null;
  }
  if (g.readyAt !== null) return null;
  if (g.leaderId === null) return { type: 'workgroup.lead', payload: { workGroupId: g.id } };
  const theme = wg.themes.find((t) => t.id === g.themeId)?.title ?? g.name;
  const strategies = Object.values(wg.strategies).filter((x) => x.workGroupId === g.id);
  const mine = strategies.find((x) => x.authorId === me);
  if (!mine) return { type: 'workgroup.addStrategy', payload: { workGroupId: g.id, text: phrase(rng, item.prompt, theme) } };
  if (mine.steps.length === 0) return { type: 'workgroup.addStep', payload: { strategyId: mine.id, what: phrase(rng, item.prompt), owner: '', byWhen: '' } };
  const answers = Object.values(wg.answers).filter((a) => a.workGroupId === g.id);
  const members = membersOf(wg, g);
  if (!answers.some((a) => a.authorId === me)) {
    const field = REPORT_FIELDS[members.indexOf(me) % REPORT_FIELDS.length] ?? 'recommendations';
    return { type: 'workgroup.addAnswer', payload: { workGroupId: g.id, field, text: phrase(rng, item.prompt, theme) } };
  }
  const everyone = members.every((m) => answers.some((a) => a.authorId === m));
  return g.leaderId === me && everyone ? { type: 'workgroup.ready', payload: { workGroupId: g.id, ready: true } } : null;
}

/** Titles for themes: the item's starter list, else the room's notes so far, else the clauses of its prompt. */
function themeTitles(s: SessionState, item: AgendaItem): string[] {
  if (item.starter?.length) return item.starter;
  const notes = s.agenda.flatMap((i) => itemNotes(s, i.id)).map((n) => n.text);
  return [...notes, ...clauses(item.prompt)].map((t) => t.slice(0, THEME_LENGTH).trim()).slice(0, THEMES);
}

/** The facilitator sets the themes one by one, then makes one work group per theme; the groups do the rest. */
export function driveWorkGroup(s: SessionState, item: AgendaItem): CommandBody | null {
  const wg = workGroupsOf(s);
  if (item.moduleType === 'themes') {
    const have = new Set(wg.themes.map((t) => t.title.toLowerCase()));
    const next = themeTitles(s, item).find((t) => !have.has(t.toLowerCase()));
    return next && wg.themes.length < THEMES + 2 ? { type: 'workgroup.addTheme', payload: { title: next } } : null;
  }
  if (item.moduleType !== 'workgroups') return null;
  const without = wg.themes.filter((t) => !wg.groups.some((g) => g.themeId === t.id));
  return without.length ? { type: 'workgroup.makeGroups', payload: {} } : null;
}

export const workGroupRehearsal: RehearsalHooks = { simulate: simulateWorkGroup, drive: driveWorkGroup };
