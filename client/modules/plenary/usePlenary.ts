import { useSession } from '../../store.js';
import { dictGet } from '../../../shared/session/dict.js';
import { initialPlenary, presentingNow, type PlenaryState, type SynthesisLink } from '../../../shared/modules/plenary/plenary.state.js';
import { initialWorkGroups, type WorkGroup, type WorkGroupsState } from '../../../shared/modules/workgroup/workgroup.state.js';

const NO_PLENARY = initialPlenary();
const NO_GROUPS = initialWorkGroups();

export const usePlenary = (): PlenaryState => useSession((s) => s.state.plenary ?? NO_PLENARY);
export const useWorkGroups = (): WorkGroupsState => useSession((s) => s.state.workgroups ?? NO_GROUPS);

/** The group presenting now with its place in the order ("Group 2 of 5"), or null outside report-out mode. */
export function usePresenting(): { group: WorkGroup; index: number; total: number; timer: NonNullable<PlenaryState['presenting']>['timer'] } | null {
  const presenting = useSession((s) => presentingNow(s.state));
  const groups = useWorkGroups().groups;
  if (!presenting) return null;
  const index = groups.findIndex((g) => g.id === presenting.workGroupId);
  const group = groups[index];
  return group ? { group, index, total: groups.length, timer: presenting.timer } : null;
}

/** Where a synthesis note came from, if it was pulled from a work group's report-out. */
export const useNoteOrigin = (noteId: string): SynthesisLink | undefined => useSession((s) => dictGet(s.state.plenary?.links, noteId));

/** The group this phone's participant is in, if any. */
export const useMyGroupId = (): string | null =>
  useSession((s) => (s.participantId ? (dictGet(s.state.workgroups?.members, s.participantId) ?? null) : null));
