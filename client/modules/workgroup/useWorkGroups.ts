import { initialWorkGroups, type WorkGroupsState } from '../../../shared/modules/workgroup/workgroup.state.js';
import { useSession } from '../../store.js';

const EMPTY = initialWorkGroups();

/** The session's themes, groups, members and report-outs (one for the whole session). */
export const useWorkGroups = (): WorkGroupsState => useSession((s) => s.state.workgroups ?? EMPTY);
