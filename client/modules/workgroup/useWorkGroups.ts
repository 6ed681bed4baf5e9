import { dictGet } from '../../../shared/session/dict.js';
import { initialWorkGroups, type WorkGroupsState } from '../../../shared/modules/workgroup/workgroup.state.js';
import { useSession } from '../../store.js';

const EMPTY = initialWorkGroups();

/** The session's themes, groups, members and report-outs (one for the whole session). */
export const useWorkGroups = (): WorkGroupsState => useSession((s) => s.state.workgroups ?? EMPTY);

/** The work group this phone's participant is in, if any. */
export const useMyGroupId = (): string | undefined =>
  useSession((s) => (s.participantId ? dictGet(s.state.workgroups?.members, s.participantId) : undefined));
