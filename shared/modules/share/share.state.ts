import type { ReportScope } from '../../report/model.js';

/** The module's name: the prefix of its commands and events. */
export const SHARE = 'report';

declare module '../../session/state.js' {
  interface ModuleSlices {
    /** The report the room may download right now (absent when none is shared). */
    sharedReport?: SharedReport;
  }
}

/** The report the facilitator shared with the room: phones may download it, the board shows a QR code for it. */
export interface SharedReport {
  /**
   * The download link's secret: "<session id>.<random>". Unguessable, and good for this one report only; the
   * session id in front lets the server find the session (everyone in the room knows it already).
   */
  shareId: string;
  scope: ReportScope;
  /** The facilitator's time zone (IANA), for the dates the room's copy prints. */
  timeZone?: string;
}
