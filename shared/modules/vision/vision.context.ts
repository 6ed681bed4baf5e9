import type { SessionState } from '../../session/state.js';
import { CROSSWALK_RATINGS } from './cfsr.js';
import type { VisionState } from './vision.state.js';

/** The kind of agenda item that holds only the CFSR crosswalk (no phrases, no statement). */
export const CROSSWALK = 'crosswalk';

/** Where the agency is now: one for the whole session, shown on every vision item. */
export interface VisionContext {
  mission: string;
  vision: string;
  values: string;
  pastedCarried: string[];
}

const hasContext = (v: VisionState): boolean =>
  v.contextSeq !== undefined || [v.mission, v.vision, v.values].some((t) => t.trim()) || v.pastedCarried.length > 0;

/**
 * The session's context: the one last saved on any vision item. Sessions stored before the context belonged to the
 * session kept it per item (without `contextSeq`): their item with a context still supplies it.
 */
export function sessionContext(s: Pick<SessionState, 'vision'>): VisionContext {
  let best: VisionState | undefined;
  for (const v of Object.values(s.vision)) if (hasContext(v) && (v.contextSeq ?? -1) >= (best?.contextSeq ?? -1)) best = v;
  return { mission: best?.mission ?? '', vision: best?.vision ?? '', values: best?.values ?? '', pastedCarried: best?.pastedCarried ?? [] };
}

/** Whether an item of any kind shows the session's vision context (and takes it from the facilitator): input "vision". */
export const takesVisionContext = (item: { input?: string } | undefined): boolean => item?.input === 'vision';

/** Whether this item's crosswalk was ever used: a vision item of an older session that held the crosswalk keeps showing it. */
export const crosswalkUsed = (v: VisionState): boolean =>
  v.crosswalk.open || Object.values(v.crosswalk.tally).some((t) => CROSSWALK_RATINGS.some((r) => t[r] > 0));
