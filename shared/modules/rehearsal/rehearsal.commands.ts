import { z } from 'zod';
import { commandSchema as cmd } from '../../protocol/schema.js';
import { MAX_PACE, SAY_PACE } from './rehearsal.state.js';

/** A rehearsal's pace: whole actions a minute for each simulated participant, within the cap. */
export const Pace = z.number({ error: SAY_PACE.pace }).int(SAY_PACE.pace).min(1, SAY_PACE.pace).max(MAX_PACE, SAY_PACE.pace);

/** The facilitator sets the simulated room's pace, or pauses and resumes it (either, or both). */
export const REHEARSAL_COMMANDS = [
  cmd(
    'rehearsal.pace',
    z.strictObject(
      { pace: Pace.optional(), paused: z.boolean({ error: 'Paused is true or false.' }).optional() },
      { error: () => 'A rehearsal change takes {"pace": N} or {"paused": true/false}, nothing else.' },
    ),
  ),
] as const;

declare module '../../protocol/commands.js' {
  interface ModuleCommands {
    rehearsal: (typeof REHEARSAL_COMMANDS)[number];
  }
}
