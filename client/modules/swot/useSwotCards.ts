import type { DataCard } from '../../../shared/modules/swot/swot.state.js';
import { useSession } from '../../store.js';
import { dictGet } from '../../../shared/session/dict.js';

const NONE: DataCard[] = [];

/** The data cards of a SWOT item. */
export const useSwotCards = (itemId: string): DataCard[] => useSession((s) => dictGet(s.state.swot, itemId)?.cards ?? NONE);
