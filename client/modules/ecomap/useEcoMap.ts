import { dictGet } from '../../../shared/session/dict.js';
import { initialEcoMap, type EcoMapState, type PartnerResult } from '../../../shared/modules/ecomap/ecomap.state.js';
import { partnerResults, planGroups, type PlanGroup } from '../../../shared/modules/ecomap/ecomap.results.js';
import { useMemo, useState } from 'react';
import type { CommandInput } from '../../../shared/protocol/commands.js';
import { clearError, sendCommand, useSession } from '../../store.js';

const EMPTY = initialEcoMap();

/** The eco-map of one item as this screen may see it (the console all marks, a phone its own, the board none). */
export const useEcoMap = (itemId: string): EcoMapState => useSession((s) => dictGet(s.state.ecomaps, itemId) ?? EMPTY);

/** Sends a command; resolves to its refusal in words (shown by the form that sent it, not the banner) or null. */
export async function refusalOf(body: CommandInput): Promise<string | null> {
  const res = await sendCommand(body);
  if (res.ok) return null;
  clearError();
  return res.error.message;
}

/** A form's sending: its last refusal kept to show in the form's own place. */
export function useSending() {
  const [error, setError] = useState<string | null>(null);
  const send = async (body: CommandInput): Promise<boolean> => {
    const refused = await refusalOf(body);
    setError(refused);
    return refused === null;
  };
  return { error, send, setError };
}

/** "3 have marked": how many phones marked at least one partner (every screen, live). */
export const markedText = (n: number): string => `${n} ${n === 1 ? 'has' : 'have'} marked.`;

/** Every partner's result from the counts this screen holds (shared/modules/ecomap/ecomap.results.ts). */
export const useResults = (map: EcoMapState): PartnerResult[] => useMemo(() => partnerResults(map), [map]);

/** The engagement plan grouped by the room's consensus colour, then "Room split", then "Not marked". */
export const usePlanGroups = (map: EcoMapState): PlanGroup[] => useMemo(() => planGroups(map), [map]);
