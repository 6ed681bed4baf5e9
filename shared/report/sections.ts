/**
 * Which report section each kind of agenda item prints. A small lookup until the module registry carries each
 * module's `report` and `groupReport` (issue 7, the module contract): then this file goes and the builder asks the
 * registry instead.
 */
import { boardReport } from '../modules/board/board.report.js';
import { flowGroupReport, groupLabel } from '../modules/flow/flow.report.js';
import { presentationReport } from '../modules/presentation/presentation.report.js';
import type { ModuleType } from '../modules/registry.js';
import { swotReport } from '../modules/swot/swot.report.js';
import { visionReport } from '../modules/vision/vision.report.js';
import type { AgendaItem, SessionState } from '../session/state.js';
import type { Block, ReportOptions } from './model.js';

/** An item's section: pure, state in, blocks out. */
export type ItemReport = (state: SessionState, item: AgendaItem, options: ReportOptions) => Block[];
/** One group's report-out, or null when the item has no such group. */
export type GroupReport = (state: SessionState, item: AgendaItem, groupId: string, options: ReportOptions) => Block[] | null;

export interface ReportSectionKind {
  report: ItemReport;
  /** Absent for modules that have no groups. */
  groupReport?: GroupReport;
  /** What a group is called in a report's title, or null when the item has no such group. */
  groupTitle?: (state: SessionState, item: AgendaItem, groupId: string) => string | null;
}

export const REPORT_SECTIONS: Record<ModuleType, ReportSectionKind> = {
  presentation: { report: presentationReport },
  discussion: { report: boardReport },
  board: { report: boardReport },
  swot: { report: swotReport, groupReport: flowGroupReport, groupTitle: groupLabel },
  vision: { report: visionReport, groupReport: flowGroupReport, groupTitle: groupLabel },
};
