import { useMemo } from 'react';
import type { AgendaItem } from '../../../shared/session/state.js';
import { useFlowItem } from '../flow/useFlowItem.js';
import { carriedIn, carriedLine } from '../../../shared/modules/carry/carry.logic.js';
import { kinds } from '../../../shared/modules/registry.js';
import { currentRound } from '../../../shared/modules/vision/vision.logic.js';
import { initialVision, type VisionState } from '../../../shared/modules/vision/vision.state.js';
import type { SessionState } from '../../../shared/session/state.js';
import { useSession } from '../../store.js';
import { sessionContext, type VisionContext } from '../../../shared/modules/vision/vision.context.js';
import { dictGet } from '../../../shared/session/dict.js';

const EMPTY = initialVision();

export const useVision = (itemId: string): VisionState => useSession((s) => dictGet(s.state.vision, itemId) ?? EMPTY);

/** The session's mission, vision, values and pasted carried items (one for every vision item). */
export function useVisionContext(): VisionContext {
  const vision = useSession((s) => s.state.vision);
  return useMemo(() => sessionContext({ vision }), [vision]);
}

/** What carries into the vision retreat: items marked in this session's brainstorms or imported, then the pasted ones. */
export function useCarried(): string[] {
  const state = useSession((s) => s.state);
  const pasted = useVisionContext().pastedCarried;
  return useMemo(() => carriedLines(state, pasted), [state, pasted]);
}

export function carriedLines(s: SessionState, pasted: string[]): string[] {
  return [...carriedIn(s, kinds).map(carriedLine), ...pasted];
}

/** What the room is doing in the vision retreat, which decides what the board and the phones put first. */
export type VisionStage = 'crosswalk' | 'final' | 'fist' | 'draft' | 'phrases';

export function visionStage(v: VisionState, flowPhase: string, noteCount: number): VisionStage {
  if (v.crosswalk.open) return 'crosswalk';
  if (v.final) return 'final';
  const round = currentRound(v);
  // A closed round stays up, with its answers, until the facilitator revises the statement.
  if (round && (!round.closed || round.statement === v.draft)) return 'fist';
  if (v.draft.trim() && (flowPhase === 'results' || noteCount === 0)) return 'draft';
  return 'phrases';
}

/** Everything a vision screen draws from: the module state, what carries in, the phrases flow and the stage. */
export function useVisionScreen(item: AgendaItem) {
  const v = useVision(item.id);
  const context = useVisionContext();
  const carried = useCarried();
  const { flow, columns } = useFlowItem(item);
  const noteCount = columns.reduce((n, c) => n + c.entries.reduce((m, e) => m + e.notes.length, 0), 0);
  return { v, context, carried, flow, columns, stage: visionStage(v, flow.phase, noteCount), round: currentRound(v) };
}
