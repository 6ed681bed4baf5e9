/**
 * The seven CFSR outcomes (safety 2, permanency 2, well-being 3: seed 001), for the crosswalk of seed 000: how
 * each outcome relates to the agency's mission and vision.
 */
export const CFSR_OUTCOMES = [
  { id: 'S1', area: 'Safety', text: 'Children are, first and foremost, protected from abuse and neglect.' },
  { id: 'S2', area: 'Safety', text: 'Children are safely maintained in their homes whenever possible and appropriate.' },
  { id: 'P1', area: 'Permanency', text: 'Children have permanency and stability in their living situations.' },
  { id: 'P2', area: 'Permanency', text: 'The continuity of family relationships and connections is preserved for children.' },
  { id: 'WB1', area: 'Well-being', text: "Families have enhanced capacity to provide for their children's needs." },
  { id: 'WB2', area: 'Well-being', text: 'Children receive appropriate services to meet their educational needs.' },
  { id: 'WB3', area: 'Well-being', text: 'Children receive adequate services to meet their physical and mental health needs.' },
] as const;
export type OutcomeId = (typeof CFSR_OUTCOMES)[number]['id'];
export const OUTCOME_IDS = CFSR_OUTCOMES.map((o) => o.id) as [OutcomeId, ...OutcomeId[]];

/** The four answers of the crosswalk questions in seed 000. */
export const CROSSWALK_RATINGS = ['incorporated', 'expounds', 'conflicts', 'beyond'] as const;
export type CrosswalkRating = (typeof CROSSWALK_RATINGS)[number];
export const CROSSWALK_LABELS: Record<CrosswalkRating, string> = {
  incorporated: 'Directly incorporated',
  expounds: 'Expounds on',
  conflicts: 'Conflicts with',
  beyond: 'Goes beyond',
};
