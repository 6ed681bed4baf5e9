import type { ModuleScreenProps } from '../types.js';
import { PartnersEditor } from './PartnersEditor.js';
import { PlanCard } from './PlanCard.js';
import { ProposalQueue } from './ProposalQueue.js';
import { VoteCard } from './VoteCard.js';
import { useEcoMap } from './useEcoMap.js';

/** The eco-map on the console: the vote and its counts first, then proposals, the partners, and the engagement plan. */
export function EcoMapConsole({ item }: ModuleScreenProps) {
  const map = useEcoMap(item.id);
  return (
    <>
      <VoteCard map={map} itemId={item.id} />
      <ProposalQueue map={map} itemId={item.id} />
      <PartnersEditor item={item} map={map} />
      <PlanCard map={map} itemId={item.id} />
    </>
  );
}
