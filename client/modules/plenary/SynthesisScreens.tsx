import type { ModuleScreenProps } from '../types.js';
import { FlowBoard } from '../flow/FlowBoard.js';
import { FlowConsole } from '../flow/FlowConsole.js';
import { FlowPhone } from '../flow/FlowPhone.js';
import { PullPanel } from './PullPanel.js';

/** The synthesis on the console: the flow's board and vote, and the groups' report-outs to pull from. */
export function SynthesisConsole({ item }: ModuleScreenProps) {
  return (
    <>
      <FlowConsole item={item} heading="Synthesis" />
      <PullPanel item={item} />
    </>
  );
}

export const SynthesisPhone = ({ item }: ModuleScreenProps) => <FlowPhone item={item} />;
export const SynthesisBoard = ({ item }: ModuleScreenProps) => <FlowBoard item={item} />;
