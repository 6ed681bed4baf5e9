import type { AgendaItem } from '../../shared/session/state.js';
import { screensOf } from '../modules/registry.js';
import { ReportBlocks } from './ReportBlocks.js';
import { useItemReportBlocks } from './useItemReportBlocks.js';

/**
 * The item's section of the report as it would print now (names off), kept up to date: a module may register its
 * own ReportPreview (client/modules/<name>/index.ts), otherwise the section's blocks are drawn as they are.
 */
export default function ItemReportPreview({ item }: { item: AgendaItem }) {
  const Own = screensOf(item.moduleType)?.ReportPreview;
  return Own ? <Own item={item} /> : <Blocks item={item} />;
}

function Blocks({ item }: { item: AgendaItem }) {
  return <ReportBlocks blocks={useItemReportBlocks(item)} />;
}
