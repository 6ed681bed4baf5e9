import { z } from 'zod';

/** Most simulated participants one rehearsal may have. */
export const MAX_SIMULATED = 50;
/** Most actions a minute each simulated participant may take. */
export const MAX_PACE = 60;

export interface RehearsalSettings {
  participants: number;
  pace: number;
}

export interface RehearsalStatus extends RehearsalSettings {
  paused: boolean;
  /** Commands of the simulated participants the server accepted, and refused. */
  actions: number;
  refusals: number;
}

/** The simulated participants' first names; "(simulated)" follows each, so no screen or report can take them for people. */
export const REHEARSAL_NAMES = ['Ana', 'Ben', 'Chen', 'Dee', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo', 'Jo'] as const;

export const SAY_REHEARSAL = {
  participants: `A rehearsal has from 1 to ${MAX_SIMULATED} simulated participants: give a whole number in that range.`,
  pace: `The pace is from 1 to ${MAX_PACE} actions a minute for each simulated participant: give a whole number in that range.`,
  none: 'This session has no rehearsal running: start one from the landing page.',
  nothingToDrive: 'The rehearsal has no next step to take on this item: go on to the next item yourself.',
  needsKey: "Only the session's facilitator can run its rehearsal: send its facilitator key.",
  notRehearsal: 'This is a real session, not a rehearsal: simulated participants can only join a rehearsal.',
};

const participants = z.number({ error: SAY_REHEARSAL.participants }).int(SAY_REHEARSAL.participants).min(1, SAY_REHEARSAL.participants).max(MAX_SIMULATED, SAY_REHEARSAL.participants);
const pace = z.number({ error: SAY_REHEARSAL.pace }).int(SAY_REHEARSAL.pace).min(1, SAY_REHEARSAL.pace).max(MAX_PACE, SAY_REHEARSAL.pace);

/** A rehearsal asked for when creating a session: how many simulated participants, at what pace. */
export const RehearsalStart = z.strictObject(
  { participants, pace: pace.default(6) },
  { error: () => 'A rehearsal takes {"participants": N, "pace": actions a minute}, nothing else.' },
);

/** A change to a running rehearsal: its pace, or pause / resume. */
export const RehearsalChange = z.strictObject(
  { pace: pace.optional(), paused: z.boolean({ error: 'Paused is true or false.' }).optional() },
  { error: () => 'A rehearsal change takes {"pace": N} or {"paused": true/false}, nothing else.' },
);
