import { useEffect, useMemo, useState } from 'react';
import type { AgendaItem } from '../../shared/session/state.js';
import { buildReport } from '../../shared/report/session.js';
import type { Block } from '../../shared/report/model.js';
import { screensOf } from '../modules/registry.js';
import { serverNow, useSession } from '../store.js';
import { ReportBlocks } from './ReportBlocks.js';
import { localTimeZone } from './share.js';

/** How often the preview catches up with the room: a busy room sends many events a second. */
const REFRESH_MS = 2000;

/**
 * The item's section of the report as it would print now (names off), kept up to date: a module may register its
 * own ReportPreview (client/modules/<name>/index.ts), otherwise the section's blocks are drawn as they are.
 */
export default function ItemReportPreview({ item }: { item: AgendaItem }) {
  const Own = screensOf(item.moduleType)?.ReportPreview;
  return Own ? <Own item={item} /> : <SectionBlocks itemId={item.id} />;
}

function SectionBlocks({ itemId }: { itemId: string }) {
  return <ReportBlocks blocks={useItemReportBlocks(itemId)} />;
}

/** The item's section of the report as it would print now (names off), caught up with the room every REFRESH_MS. */
export function useItemReportBlocks(itemId: string): Block[] {
  const [state, setState] = useState(() => useSession.getState().state);
  useEffect(() => {
    const timer = setInterval(() => setState(useSession.getState().state), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  return useMemo(
    () => buildReport(state, { scope: { kind: 'item', itemId }, names: false, at: serverNow(), timeZone: localTimeZone() }).sections[0]?.blocks ?? [],
    [state, itemId],
  );
}
