import type { CommandOf, CommandType } from '../../protocol/commands.js';

/** The module's name: the prefix of its commands and events. */
export const REHEARSAL = 'rehearsal';

/** Most simulated participants one rehearsal may have. */
export const MAX_SIMULATED = 50;
/** Most actions a minute each simulated participant may take. */
export const MAX_PACE = 60;

/** How the simulated participants of a rehearsal act: `pace` actions a minute each, or not at all while `paused`. */
export interface RehearsalPace {
  pace: number;
  paused: boolean;
}

declare module '../../session/state.js' {
  interface ModuleSlices {
    /** A rehearsal's pace and pause, as last set (absent in a real session and before the first setting). */
    rehearsalPace?: RehearsalPace;
  }
}

declare module '../../session/events.js' {
  interface ModuleEvents {
    rehearsal: RehearsalEvent;
  }
}

export type RehearsalCommand = CommandOf<Extract<CommandType, `rehearsal.${string}`>>;

/** The whole setting each time, so the last event alone says how the simulated room acts (after a restart too). */
export type RehearsalEvent = { type: 'rehearsal.paced'; pace: number; paused: boolean };

/** Our sentences for a rehearsal's settings, said the same by the landing page and the server. */
export const SAY_PACE = {
  participants: `A rehearsal has from 1 to ${MAX_SIMULATED} simulated participants: give a whole number in that range.`,
  pace: `The pace is from 1 to ${MAX_PACE} actions a minute for each simulated participant: give a whole number in that range.`,
  notRehearsal: 'This is a real session, not a rehearsal: simulated participants can only join a rehearsal.',
};
