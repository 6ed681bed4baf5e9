import { useMemo } from 'react';
import type { AgendaItem } from '../../../shared/session/state.js';
import { columnsOf } from '../../../shared/modules/registry.js';
import { flowOf } from '../../../shared/modules/flow/flow.logic.js';
import { rankedByColumn } from '../../../shared/modules/flow/flow.results.js';
import { useSession } from '../../store.js';
import type { FlowColumns } from './model.js';

/** The flow of one agenda item as the screens draw it: its phase and settings, and its notes and groups by column. */
export function useFlowItem(item: AgendaItem) {
  const state = useSession((s) => s.state);
  const columnNames = useMemo(() => columnsOf(item), [item]);
  const flow = flowOf(state, item.id);
  const columns: FlowColumns = useMemo(() => {
    const ranked = rankedByColumn(state, item.id, columnNames);
    return columnNames.map((column) => ({ column, entries: ranked.get(column) ?? [] }));
  }, [state, item.id, columnNames]);
  return { state, flow, columns, columnNames };
}
