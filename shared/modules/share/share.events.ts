import type { CommandOf, CommandType } from '../../protocol/commands.js';
import type { ReportScope } from '../../report/model.js';

declare module '../../session/events.js' {
  interface ModuleEvents {
    report: ShareEvent;
  }
}

export type ShareCommand = CommandOf<Extract<CommandType, `report.${string}`>>;

/** The facilitator shared a report with the room (a new link each time), or stopped sharing it. */
export type ShareEvent = { type: 'report.shared'; shareId: string; scope: ReportScope; timeZone?: string } | { type: 'report.unshared' };
