/**
 * The whole session as JSON in a versioned schema (json.schema.ts), for scripts that track themes across workshops;
 * its `template` half is an agenda template that can be saved as a new one. The export is the facilitator's, so it
 * holds the facilitator's notes on each item. Participant names appear only with names on (board note authors, who
 * placed which dots, who answered and rated what). It always covers the whole session, whatever `options.scope` says.
 */
import { flowOf, tallyDots } from '../modules/flow/flow.logic.js';
import { FLOW } from '../modules/flow/flow.state.js';
import { kinds } from '../modules/registry.js';
import { carryOf } from '../modules/carry/carry.logic.js';
import { swotOf } from '../modules/swot/swot.logic.js';
import { visionOf } from '../modules/vision/vision.logic.js';
import { CROSSWALK_RATINGS, OUTCOME_IDS, type CrosswalkRating } from '../modules/vision/cfsr.js';
import type { VisionState } from '../modules/vision/vision.state.js';
import type { AgendaTemplate } from '../protocol/agenda.schema.js';
import { LIMITS } from '../protocol/limits.js';
import { dictGet } from '../session/dict.js';
import { keyedValues } from '../session/keyed.js';
import type { FlowState } from '../modules/flow/flow.state.js';
import { targetOf } from '../modules/flow/flow.report.js';
import type { SessionState } from '../session/state.js';
import { authorOf, readableNotes } from './blocks.js';
import { formatDate, isoDate } from './format.js';
import type { ExportItem, SessionExport } from './json.schema.js';
import type { ReportOptions } from './model.js';
import { personName } from './people.js';
import { actualMsOf } from './session.js';
import { onItemMsOf } from '../session/itemTime.js';
import { valuesExport } from '../modules/values/values.export.js';
import { ecoMapExport } from '../modules/ecomap/ecomap.export.js';

export type { SessionExport } from './json.schema.js';

/** The name of the export's schema, with its `version`. */
export const EXPORT_SCHEMA = 'facilitation-toolkit/session-export';

const iso = (at: number): string => new Date(at).toISOString();

function flowExport(flow: FlowState, state: SessionState, names: boolean): NonNullable<ExportItem['flow']> {
  const out: NonNullable<ExportItem['flow']> = {
    phase: flow.phase,
    dotsPerPerson: flow.dotsPerPerson,
    maxPerItem: flow.maxPerItem,
    groups: Object.values(flow.groups).map((g) => ({ id: g.id, name: g.name, column: g.column })),
    totals: Object.entries(tallyDots(flow)).map(([key, dots]) => ({ target: targetOf(key), dots })),
    resultsIn: flow.totals !== null,
    carried: flow.carried.map(targetOf),
  };
  if (!names) return out;
  const votes = Object.entries(flow.dots).flatMap(([voter, byTarget]) =>
    Object.entries(byTarget).map(([key, dots]) => ({ voter: personName(state, voter), target: targetOf(key), dots })),
  );
  return { ...out, votes };
}

function visionExport(v: VisionState, state: SessionState, names: boolean): NonNullable<ExportItem['vision']> {
  const tally = OUTCOME_IDS.flatMap((outcomeId) => {
    const counts = dictGet(v.crosswalk.tally, outcomeId);
    return counts ? [{ outcomeId, counts: Object.fromEntries(CROSSWALK_RATINGS.map((r) => [r, counts[r]])) as Record<CrosswalkRating, number> }] : [];
  });
  const ratings = Object.entries(v.crosswalk.ratings).flatMap(([pid, byOutcome]) =>
    OUTCOME_IDS.flatMap((outcomeId) => {
      const rating = byOutcome[outcomeId];
      return rating ? [{ person: personName(state, pid), outcomeId, rating }] : [];
    }),
  );
  return {
    mission: v.mission,
    vision: v.vision,
    values: v.values,
    pastedCarried: v.pastedCarried,
    draft: v.draft,
    rounds: v.rounds.map((r) => ({
      statement: r.statement,
      distribution: r.distribution,
      closed: r.closed,
      ...(names ? { answers: Object.entries(r.answers).map(([pid, value]) => ({ person: personName(state, pid), value })) } : {}),
    })),
    final: v.final ? { statement: v.final.statement, distribution: v.final.distribution, at: iso(v.final.at) } : null,
    crosswalk: { open: v.crosswalk.open, tally, ...(names ? { ratings } : {}) },
  };
}

/** The carried lists imported from earlier sessions, when there are any (the earlier sessions' ids stay out). */
function importedExport(state: SessionState): Pick<SessionExport, 'imported'> {
  const imports = carryOf(state).imports;
  if (!imports.length) return {};
  return { imported: imports.map((i) => ({ title: i.title, createdAt: iso(i.createdAt), items: i.items.map((c) => ({ ...c })) })) };
}

/** A template id from the session's title and date: lower-case ASCII letters, digits and dashes. */
export function templateId(title: string, createdAt: number): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const date = isoDate(createdAt);
  return `${slug.slice(0, 60 - date.length - 1).replace(/-+$/, '') || 'session'}-${date}`;
}

/** The agenda as a template to save as a new one (null for an empty agenda: a template needs at least one item). */
export function templateOf(state: SessionState): AgendaTemplate | null {
  if (!state.agenda.length) return null;
  return {
    id: templateId(state.title, state.createdAt),
    title: [...(state.title.trim() || 'Session')].slice(0, LIMITS.title).join('').trim(),
    description: `Saved from the session of ${formatDate(state.createdAt)}.`,
    items: state.agenda.slice(0, LIMITS.agendaItems).map((i) => ({
      title: i.title,
      plannedMinutes: i.plannedMinutes,
      moduleType: i.moduleType,
      facilitatorNotes: i.facilitatorNotes,
      prompt: i.prompt,
      ...(i.columns.length ? { columns: i.columns } : {}),
      ...(i.input && i.input !== 'notes' ? { input: i.input } : {}),
    })),
  };
}

export function toJsonExport(state: SessionState, options: ReportOptions): SessionExport {
  const names = options.names;
  const participants = keyedValues(state.participants);
  return {
    schema: EXPORT_SCHEMA,
    version: 1,
    exportedAt: iso(options.at),
    names,
    session: {
      id: state.id,
      title: state.title,
      createdAt: iso(state.createdAt),
      endedAt: state.endedAt ? iso(state.endedAt) : null,
      participants: participants.length,
      ...(names ? { participantNames: participants.map((p) => p.name) } : {}),
      ...(state.rehearsal ? { rehearsal: { simulated: participants.filter((p) => p.simulated).length } } : {}),
    },
    agenda: state.agenda.map((i) => ({
      id: i.id,
      title: i.title,
      moduleType: i.moduleType,
      plannedMinutes: i.plannedMinutes,
      actualMinutes: Math.round(actualMsOf(state, i.id, options.at) / 6_000) / 10,
      onItemMinutes: Math.round(onItemMsOf(state, i.id, options.at) / 6_000) / 10,
      prompt: i.prompt,
      facilitatorNotes: i.facilitatorNotes,
      columns: i.columns,
      ...(i.input && i.input !== 'notes' ? { input: i.input } : {}),
    })),
    ...importedExport(state),
    template: templateOf(state),
    items: state.agenda.map((i) => {
      // An item of the module has its part even before its first step (its state starts out as the initial one).
      const flow = dictGet(state.flows, i.id) ?? (kinds.runs(i, FLOW) ? flowOf(state, i.id) : undefined);
      const swot = dictGet(state.swot, i.id) ?? (i.moduleType === 'swot' ? swotOf(state, i.id) : undefined);
      const vision = dictGet(state.vision, i.id) ?? (i.moduleType === 'vision' ? visionOf(state, i.id) : undefined);
      return {
        itemId: i.id,
        notes: readableNotes(state, i.id).map((n) => {
          const author = authorOf(n, options);
          return { id: n.id, column: n.column, text: n.text, groupId: n.groupId, createdAt: iso(n.createdAt), ...(author ? { author } : {}) };
        }),
        flow: flow ? flowExport(flow, state, names) : null,
        swot: swot ? { cards: swot.cards.map((c) => ({ ...c })) } : null,
        vision: vision ? visionExport(vision, state, names) : null,
        ...(i.moduleType === 'values' ? { values: valuesExport(state, i.id) } : {}),
        ...(i.moduleType === 'ecomap' ? { ecomap: ecoMapExport(state, i.id) } : {}),
      };
    }),
  };
}
