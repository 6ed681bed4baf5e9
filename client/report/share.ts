/**
 * What the phone, the board and the console need of a shared report: its address and this device's time zone.
 * Kept apart from the export builders (exports.ts), which only the console loads, and only when it exports: the
 * phone's first load stays small.
 */

/** Where the room downloads a shared report: the short address the board prints. */
export const sharedReportUrl = (origin: string, shareId: string): string => `${origin}/r/${shareId}`;

/** This device's time zone, for the dates a report prints ("America/Chicago"); undefined if the browser hides it. */
export const localTimeZone = (): string | undefined => Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
