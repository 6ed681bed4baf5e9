import type { CommandInput } from '../../shared/protocol/commands.js';
import type { SessionClient } from '../../client/net/sessionClient.js';

/** Sentences from the workshop documents, long and short, as a room would post them as notes. */
export const SENTENCES = [
  'Understand the importance of meaningful involvement by diverse stakeholders throughout the planning process.',
  'Strategic planning is a continual process for improving organizational performance by developing strategies to produce results.',
  'Circulate the plan to all involved, get input and revise if necessary.',
  'Partnerships also strengthen community stakeholders.',
  'The strategic planning team works to provide a draft of the strategic vision/plan that can be shared with stakeholders to provide opportunities for input and feedback.',
  'Align the plan to the work structures and processes to ensure ownership, responsibility and accountability.',
  'The strength of this process is the external and internal stakeholders who will help develop, implement, and monitor the PIP.',
  'Gather information on agency operations and performance.',
  'Capitalizes on strengths',
];

/** Sends a command that must be accepted (a test's setup through a real socket client). */
export async function sendOk(c: SessionClient, cmd: CommandInput): Promise<void> {
  const res = await c.send(cmd);
  if (!res.ok) throw new Error(`${cmd.type} refused: ${res.error.message}`);
}
