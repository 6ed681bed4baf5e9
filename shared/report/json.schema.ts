/**
 * The session export's schema (version 1). Readers parse with `SessionExport`; a later version bumps `version` and
 * keeps this one readable. Times are ISO 8601 strings in UTC.
 */
import { z } from 'zod';
import { agendaSchemas } from '../protocol/agenda.schema.js';
import { MODULE_TYPES } from '../modules/registry.js';
import { PHASES } from '../modules/flow/flow.state.js';
import { CROSSWALK_RATINGS, OUTCOME_IDS } from '../modules/vision/cfsr.js';

import { EXPORT_SCHEMA } from './json.js';

const { AgendaTemplate } = agendaSchemas(MODULE_TYPES);

const iso = z.iso.datetime();
const count = z.number().int().min(0);
const target = z.object({ kind: z.enum(['note', 'group']), id: z.string() }).strict();
const distribution = z.tuple([count, count, count, count, count, count]);

const ExportNote = z
  .object({ id: z.string(), column: z.string(), text: z.string(), groupId: z.string().nullable(), createdAt: iso, author: z.string().optional() })
  .strict();

const ExportFlow = z
  .object({
    phase: z.enum(PHASES),
    dotsPerPerson: count,
    maxPerItem: count,
    groups: z.array(z.object({ id: z.string(), name: z.string(), column: z.string() }).strict()),
    /** Dots per target, summed over everyone; `resultsIn` says whether the vote was closed when exported. */
    totals: z.array(z.object({ target, dots: count }).strict()),
    resultsIn: z.boolean(),
    carried: z.array(target),
    /** Who placed which dots: only with names on. */
    votes: z.array(z.object({ voter: z.string(), target, dots: count }).strict()).optional(),
  })
  .strict();

const ExportVision = z
  .object({
    mission: z.string(),
    vision: z.string(),
    values: z.string(),
    pastedCarried: z.array(z.string()),
    draft: z.string(),
    rounds: z.array(
      z
        .object({
          statement: z.string(),
          distribution,
          closed: z.boolean(),
          /** Who answered what: only with names on. */
          answers: z.array(z.object({ person: z.string(), value: z.number().int().min(0).max(5) }).strict()).optional(),
        })
        .strict(),
    ),
    final: z.object({ statement: z.string(), distribution, at: iso }).strict().nullable(),
    crosswalk: z
      .object({
        open: z.boolean(),
        tally: z.array(z.object({ outcomeId: z.enum(OUTCOME_IDS), counts: z.record(z.enum(CROSSWALK_RATINGS), count) }).strict()),
        /** Who rated what: only with names on. */
        ratings: z.array(z.object({ person: z.string(), outcomeId: z.enum(OUTCOME_IDS), rating: z.enum(CROSSWALK_RATINGS) }).strict()).optional(),
      })
      .strict(),
  })
  .strict();

const mean = z.number().nullable();
/** The values survey: tallies, means and gaps per value, ranked by gap; never a ballot. */
const ExportValues = z
  .object({
    phase: z.enum(['setup', 'open', 'closed']),
    resultsShown: z.boolean(),
    respondents: count,
    results: z.array(
      z
        .object({ name: z.string(), description: z.string(), answers: count, importance: z.array(count), practice: z.array(count), meanImportance: mean, meanPractice: mean, gap: mean })
        .strict(),
    ),
    involve: z.array(z.string()),
    actions: z.array(z.object({ value: z.string(), what: z.string(), owner: z.string(), byWhen: z.string() }).strict()),
  })
  .strict();

const MARK = z.enum(['green', 'yellow', 'red', 'none']);
/** The stakeholder eco-map: partners, the room's counts once shown, and the engagement plan; never who marked what. */
const ExportEcoMap = z
  .object({
    centre: z.string(),
    vote: z.enum(['setup', 'open', 'closed']),
    resultsShown: z.boolean(),
    markers: count,
    partners: z.array(
      z
        .object({
          name: z.string(),
          category: z.string(),
          side: z.enum(['internal', 'external']),
          counts: z.record(MARK, count).nullable(),
          consensus: MARK.nullable(),
          split: z.boolean(),
          plan: z.object({ how: z.string(), who: z.string(), when: z.string() }).strict().nullable(),
        })
        .strict(),
    ),
  })
  .strict();

export const ExportItem = z
  .object({
    itemId: z.string(),
    notes: z.array(ExportNote),
    flow: ExportFlow.nullable(),
    swot: z.object({ cards: z.array(z.object({ id: z.string(), title: z.string(), value: z.string(), note: z.string() }).strict()) }).strict().nullable(),
    vision: ExportVision.nullable(),
    /** Present for a values survey item (added with the survey; older exports lack it). */
    values: ExportValues.optional(),
    /** Present for an eco-map item (added with the eco-map; older exports lack it). */
    ecomap: ExportEcoMap.optional(),
  })
  .strict();
export type ExportItem = z.infer<typeof ExportItem>;

export const SessionExport = z
  .object({
    schema: z.literal(EXPORT_SCHEMA),
    version: z.literal(1),
    exportedAt: iso,
    names: z.boolean(),
    session: z
      .object({
        id: z.string(),
        title: z.string(),
        createdAt: iso,
        endedAt: iso.nullable(),
        participants: count,
        /** Only with names on. */
        participantNames: z.array(z.string()).optional(),
        /** A rehearsal: how many of the participants were simulated (absent for a real session). */
        rehearsal: z.object({ simulated: count }).strict().optional(),
      })
      .strict(),
    agenda: z.array(
      z
        .object({
          id: z.string(),
          title: z.string(),
          moduleType: z.enum(MODULE_TYPES),
          plannedMinutes: count,
          actualMinutes: z.number().min(0),
          /** Time on the item, from entering it to leaving it (the timer's own is actualMinutes). */
          onItemMinutes: z.number().min(0),
          prompt: z.string(),
          facilitatorNotes: z.string(),
          columns: z.array(z.string()),
          /** Present when the item takes the items carried forward, or the session's vision context, as its input. */
          input: z.enum(['carried', 'vision']).optional(),
        })
        .strict(),
    ),
    /** The carried lists imported from earlier sessions (present when there are any). */
    imported: z
      .array(
        z
          .object({
            title: z.string(),
            createdAt: iso,
            items: z.array(z.object({ label: z.string(), column: z.string(), dots: count }).strict()),
          })
          .strict(),
      )
      .optional(),
    /** The agenda as a template to save as a new one; null when the agenda is empty (a template needs an item). */
    template: AgendaTemplate.nullable(),
    items: z.array(ExportItem),
  })
  .strict();
export type SessionExport = z.infer<typeof SessionExport>;
