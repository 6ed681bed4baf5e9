import { dictGet } from '../../../shared/session/dict.js';
import type { ModuleScreenProps } from '../types.js';
import { ReportBlocks } from '../../report/ReportBlocks.js';
import { useItemReportBlocks } from '../../report/ItemReportPreview.js';
import { useEcoMap } from './useEcoMap.js';

/** The eco-map's section as it prints, after the partners it still has no plan row for. */
export function EcoMapReportPreview({ item }: ModuleScreenProps) {
  const map = useEcoMap(item.id);
  const blocks = useItemReportBlocks(item.id);
  const unplanned = map.order.filter((id) => !dictGet(map.plan, id)).map((id) => dictGet(map.partners, id)?.name ?? '');
  return (
    <div className="stack">
      {unplanned.length > 0 && map.order.length > 0 && (
        <p className="muted">
          No plan row yet for {unplanned.length} of {map.order.length} partners: {unplanned.join(', ')}.
        </p>
      )}
      <ReportBlocks blocks={blocks} />
    </div>
  );
}
