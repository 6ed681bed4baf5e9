/** The module's name: the prefix of its command and event types. */
export const CARRY = 'carry';

declare module '../../session/state.js' {
  interface ModuleSlices {
    /** This session's carry-forward code, and the carried lists imported from earlier sessions. */
    carry: CarryState;
  }
}

/** One item carried forward: what it is called, the column (quadrant) it was in, and the dots it got. */
export interface CarriedItem {
  label: string;
  column: string;
  dots: number;
}

/** The carried list of an earlier session, as it stood when it was imported: this session's own copy. */
export interface CarryImport {
  id: string;
  /** The earlier session's id (for replacing a repeated import); only the facilitator's copy holds it. */
  sessionId: string;
  title: string;
  /** When the earlier session was created. */
  createdAt: number;
  items: CarriedItem[];
}

export interface CarryState {
  /**
   * The code a later session imports this session's carried items with: "<session id>.<random>". It opens the
   * carried list and nothing else, and only the facilitator's copy holds it. Null until the facilitator makes one.
   */
  code: string | null;
  imports: CarryImport[];
}

/** Most imports one session keeps, and most items one import brings. */
export const MAX_IMPORTS = 10;
export const MAX_CARRIED = 60;

export const initialCarry = (): CarryState => ({ code: null, imports: [] });

/** An agenda item whose input is the items carried forward (its setting `input: "carried"`). */
export const takesCarried = (item: { input?: string } | undefined): boolean => item?.input === 'carried';
