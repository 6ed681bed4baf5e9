import { dictGet } from '../../../shared/session/dict.js';
import { ecoMapOf, MARK_LABELS } from '../../../shared/modules/ecomap/ecomap.state.js';
import { lazyScreen } from '../lazyScreen.js';
import type { ModuleScreens } from '../types.js';

const screens = () => import('./screens.js');

/** The stakeholder eco-map: partners set and the vote run on the console, marked on phones, drawn as a map on the board. */
export const ecomapScreens: ModuleScreens = {
  name: 'ecomap',
  kind: 'ecomap',
  Console: lazyScreen(() => screens().then((m) => m.EcoMapConsole)),
  Phone: lazyScreen(() => screens().then((m) => m.EcoMapPhone)),
  Board: lazyScreen(() => screens().then((m) => m.EcoMapBoard)),
  ReportPreview: lazyScreen(() => screens().then((m) => m.EcoMapReportPreview)),
  acceptLate: { 'ecomap.mark': 'Count mark' },
  describeLate(state, input) {
    if (input.type !== 'ecomap.mark') return null;
    const { itemId, partnerId, mark } = input.payload;
    const partner = dictGet(ecoMapOf(state, itemId).partners, partnerId)?.name ?? 'a partner that is gone';
    return mark ? `Eco-map: ${MARK_LABELS[mark].name} for ${partner}` : `Eco-map: withdraw the mark for ${partner}`;
  },
};
