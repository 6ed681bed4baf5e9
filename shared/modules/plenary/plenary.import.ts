import { fail } from '../../protocol/results.js';
import type { Decision } from '../../session/decide.js';
import type { DecideContext, KindTable } from '../../session/module.js';
import type { SessionState } from '../../session/state.js';
import { rankedByColumn } from '../flow/flow.results.js';
import {
  MAX_ANSWERS_PER_FIELD,
  MAX_GROUPS,
  MAX_STRATEGIES_PER_GROUP,
  MAX_THEMES,
  REPORT_FIELDS,
  workGroupsOf,
} from '../workgroup/workgroup.state.js';
import type { PlenaryImport } from './plenary.events.js';
import { linkOf } from './plenary.pull.js';
import { MAX_IMPORTED_SYNTHESIS, MAX_NEXT_STEPS, plenaryOf, type Partner, type SynthesisLink, type Term } from './plenary.state.js';

/** What a kick-off session hands to its debrief or follow-up call (the payload of `plenary.receive`). */
export interface ImportSource {
  sessionId: string;
  title: string;
  createdAt: number;
  themes: Array<{ id: string; title: string; source: string | null }>;
  groups: Array<{ id: string; name: string; themeId: string | null; strategyOrder: string[]; readyAt: number | null }>;
  strategies: Array<{ id: string; workGroupId: string; text: string; authorName: string; createdAt: number; steps: Array<{ id: string; what: string; owner: string; byWhen: string }> }>;
  answers: Array<{ id: string; workGroupId: string; field: (typeof REPORT_FIELDS)[number]; text: string; authorName: string; createdAt: number }>;
  synthesis: Array<{ column: string; text: string; dots: number; link: SynthesisLink | null }>;
  nextSteps: Array<{ what: string; owner: string; partner: Partner | null; term: Term; date: string }>;
}

/** The earlier session's groups (without members), their work, its synthesis with dots and links, and its next steps. */
export function importSourceOf(s: SessionState, sessionId: string, title: string, kinds: Pick<KindTable, 'columnsOf'>): ImportSource {
  const wg = workGroupsOf(s);
  const synthesis = s.agenda
    .filter((i) => i.moduleType === 'synthesis')
    .flatMap((item) =>
      [...rankedByColumn(s, item.id, kinds.columnsOf(item))].flatMap(([column, entries]) =>
        entries.map((e) => ({ column, text: e.label, dots: e.dots, link: e.notes.map((n) => linkOf(s, n.id)).find((l) => l !== undefined) ?? null })),
      ),
    );
  return {
    sessionId,
    title: s.title || title,
    createdAt: s.createdAt,
    themes: wg.themes.map(({ id, title: t, source }) => ({ id, title: t, source })),
    groups: wg.groups.map(({ id, name, themeId, strategyOrder, readyAt }) => ({ id, name, themeId, strategyOrder, readyAt })),
    // Who wrote what stays with the kick-off: its people are not this session's.
    strategies: Object.values(wg.strategies).map(({ id, workGroupId, text, createdAt, steps }) => ({
      id, workGroupId, text, authorName: '', createdAt, steps: steps.map(({ id: stepId, what, owner, byWhen }) => ({ id: stepId, what, owner, byWhen })),
    })),
    answers: Object.values(wg.answers).map(({ id, workGroupId, field, text, createdAt }) => ({ id, workGroupId, field, text, authorName: '', createdAt })),
    synthesis,
    nextSteps: (s.plenary?.nextSteps ?? []).map(({ what, owner, partner, term, date }) => ({ what, owner, partner, term, date })),
  };
}

/** Copies the kick-off's groups and results into this session, within this session's caps; refuses what would mix. */
export function decideImport(s: SessionState, source: ImportSource, ctx: Pick<DecideContext, 'newId' | 'now'>): Decision {
  if (source.sessionId === s.id) return fail('conflict', 'That is this session’s own code: use it in a later session.');
  const wg = workGroupsOf(s);
  if (wg.themes.length || wg.groups.length)
    return fail('conflict', 'This session already has themes or work groups: import the kick-off’s groups before making any here.');
  const done = plenaryOf(s).importedFrom;
  if (done) return fail('conflict', `This session has started from ${done.title} already: it imports once.`);
  if (!source.groups.length && !source.synthesis.length && !source.nextSteps.length)
    return fail('conflict', 'That session has no work groups, synthesis or next steps to start from yet.');
  const groups = source.groups.slice(0, MAX_GROUPS).map((g) => ({ ...g, leaderId: null, capacity: null, timer: null }));
  const kept = new Set(groups.map((g) => g.id));
  const strategies = source.strategies
    .filter((x) => kept.has(x.workGroupId))
    .filter((x, _n, all) => all.filter((y) => y.workGroupId === x.workGroupId).indexOf(x) < MAX_STRATEGIES_PER_GROUP)
    .map((x) => ({ ...x, authorId: null, steps: x.steps.map((st) => ({ ...st, authorId: null })) }));
  const answers = source.answers
    .filter((a) => kept.has(a.workGroupId))
    .filter((a, _n, all) => all.filter((b) => b.workGroupId === a.workGroupId && b.field === a.field).indexOf(a) < MAX_ANSWERS_PER_FIELD)
    .map((a) => ({ ...a, authorId: null }));
  const themes = source.themes.slice(0, MAX_THEMES);
  const itemId = s.agenda.find((i) => i.moduleType === 'nextsteps')?.id ?? '';
  const from: PlenaryImport = {
    title: source.title,
    createdAt: source.createdAt,
    themes,
    groups: groups.map((g) => ({
      ...g,
      themeId: themes.some((t) => t.id === g.themeId) ? g.themeId : null,
      strategyOrder: g.strategyOrder.filter((id) => strategies.some((x) => x.id === id)),
    })),
    strategies,
    answers,
    synthesis: source.synthesis.slice(0, MAX_IMPORTED_SYNTHESIS).map((e) => ({ ...e, id: ctx.newId() })),
    nextSteps: source.nextSteps.slice(0, MAX_NEXT_STEPS).map((n) => ({ ...n, id: ctx.newId(), itemId, createdAt: ctx.now })),
  };
  return { ok: true, events: [{ type: 'plenary.imported', from }] };
}
