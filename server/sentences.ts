import type { LimitSettings } from './limits.js';

/** "1 second", "40 seconds", "3 minutes": how long to wait, as a person says it. */
export function waitText(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/** Every refusal the server's edge gives, in the words a person reads. */
export const SAY = {
  tooManySessions: (s: LimitSettings, retryAfter: number) =>
    `Too many sessions were created from your network (at most ${s.sessionsPerWindow} every ${s.sessionWindowMinutes} minutes). Please try again in ${waitText(retryAfter)}.`,
  tooManyWrongCodes: (retryAfter: number) =>
    `Too many wrong join codes were tried from your network. Please wait ${waitText(retryAfter)}, then check the code on the board.`,
  sessionFull: (s: LimitSettings) =>
    `This session is full: it already has ${s.maxParticipants.toLocaleString('en-US')} participants. Please ask the facilitator.`,
  tooManyNotes: (s: LimitSettings) =>
    `You are posting notes very fast (at most ${s.notesPerMinute} a minute). Your note is kept and will be sent in a moment.`,
  tooManyAnswers: (s: LimitSettings) =>
    `You are answering very fast (at most ${s.answersPerMinute} answers a minute). Your answer is kept and will be sent in a moment.`,
  tooManyEntries: (s: LimitSettings) =>
    `You are writing very fast (at most ${s.notesPerMinute} entries a minute). What you wrote is kept and will be sent in a moment.`,
  tooManyClockChecks: (retryAfter: number) => `This screen checked the clock too often. Please wait ${waitText(retryAfter)}.`,
  foreignPage: (origin: string) =>
    `This toolkit only answers its own pages, and ${origin} is not one of them. Open the toolkit's own address instead.`,
  exportNeedsKey: "Send this session's facilitator key (Authorization: Bearer <key>) to export its reports.",
  groupPdfNeedsMember: 'Only a member of a work group can download its report-out from a phone. Join the session on your phone first.',
  noWorkGroup: 'You are not in a work group yet, so there is no report-out to download.',
  groupNotReady: "Your group's report-out is not marked ready yet: the group's leader marks it ready.",
  notShared: 'This report is not shared any more. Ask the facilitator to share it again.',
  tooManyExports: (s: LimitSettings, retryAfter: number) =>
    `Too many reports were made from your network (at most ${s.exportsPerMinute} a minute). Please try again in ${waitText(retryAfter)}.`,
  reportsBusy: 'The server is making many reports right now. Please try again in a minute.',
  reportFailed: 'The report could not be made. Please try again; if it keeps failing, export Markdown or JSON instead.',
  notFound: 'There is nothing at this address.',
  noApi: 'There is no such API address.',
  badAddress: 'That address is not valid.',
  usePost: 'Use POST to create a session.',
  tooLarge: 'That request is too large.',
  notJson: 'The request body must be JSON.',
  emptyBody: 'The request body is empty. Send {"title": "..."} or {"templateId": "..."}.',
  wrongContentType: 'Send the request body as JSON (content-type application/json).',
  tooSlow: 'The request took too long to arrive. Please try again.',
  badRequest: 'That request is not valid.',
  serverFault: 'Something went wrong on the server. Please try again.',
  // A join is not sent again by the app (a command is): its person is asked to.
  joinBusy: 'Many people joined this session at the same moment and yours did not go through. Please tap Join again.',
  busy: 'Many changes reached this session at the same moment and yours is not saved yet. It is kept and sent again in a moment.',
} as const;
