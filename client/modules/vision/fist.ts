/** What each fist-to-five answer means, said on every screen next to the number. */
export const FIST_MEANINGS = ['Block: I cannot support it', 'Serious concerns', 'Some concerns', 'I can live with it', 'I support it', 'Full support'] as const;
