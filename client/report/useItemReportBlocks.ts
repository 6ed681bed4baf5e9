import { useEffect, useMemo, useState } from 'react';
import type { Block } from '../../shared/report/model.js';
import { buildReport } from '../../shared/report/session.js';
import type { AgendaItem } from '../../shared/session/state.js';
import { serverNow, useSession } from '../store.js';
import { localTimeZone } from './share.js';

/** How often the preview catches up with the room: a busy room sends many events a second. */
const REFRESH_MS = 2000;

/** The item's section of the report as it would print now (names off), caught up every REFRESH_MS. */
export function useItemReportBlocks(item: AgendaItem): Block[] {
  const [state, setState] = useState(() => useSession.getState().state);
  useEffect(() => {
    const timer = setInterval(() => setState(useSession.getState().state), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  return useMemo(
    () => buildReport(state, { scope: { kind: 'item', itemId: item.id }, names: false, at: serverNow(), timeZone: localTimeZone() }).sections[0]?.blocks ?? [],
    [state, item.id],
  );
}
