import { z } from 'zod';
import { Pace, REHEARSAL_COMMANDS } from '../shared/modules/rehearsal/rehearsal.commands.js';
import { DEFAULT_PACE } from '../shared/modules/rehearsal/rehearsal.logic.js';
import { MAX_PACE, MAX_SIMULATED, SAY_PACE } from '../shared/modules/rehearsal/rehearsal.state.js';

export { MAX_PACE, MAX_SIMULATED };

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
  participants: SAY_PACE.participants,
  pace: SAY_PACE.pace,
  none: 'This session has no rehearsal running: start one from the landing page.',
  nothingToDrive: 'The rehearsal has no next step to take on this item: go on to the next item yourself.',
  needsKey: "Only the session's facilitator can run its rehearsal: send its facilitator key.",
  notRehearsal: SAY_PACE.notRehearsal,
  full: (atOnce: number) =>
    `This server runs at most ${atOnce} rehearsals at once, and that many are running now. Please try again later: a rehearsal stops when its session ends, is deleted, or nobody has had it open for a while.`,
};

const participants = z.number({ error: SAY_REHEARSAL.participants }).int(SAY_REHEARSAL.participants).min(1, SAY_REHEARSAL.participants).max(MAX_SIMULATED, SAY_REHEARSAL.participants);

/** A rehearsal asked for when creating a session: how many simulated participants, at what pace. */
export const RehearsalStart = z.strictObject(
  { participants, pace: Pace.default(DEFAULT_PACE) },
  { error: () => 'A rehearsal takes {"participants": N, "pace": actions a minute}, nothing else.' },
);

/** A change to a running rehearsal: its pace, or pause / resume (the payload of the `rehearsal.pace` command). */
export const RehearsalChange = REHEARSAL_COMMANDS[0].shape.payload;
