import type { ImportSource } from '../../shared/modules/plenary/plenary.import.js';

/** A kick-off session's two groups with a recommendation, a TA need and a strategy each, as `plenary.receive` takes them. */
export const kickoff = (over: Partial<ImportSource> = {}): ImportSource => ({
  sessionId: 'kickoff-1',
  title: 'PIP kick-off',
  createdAt: 5,
  themes: [{ id: 't1', title: 'Safety', source: null }, { id: 't2', title: 'Permanency', source: null }],
  groups: [
    { id: 'g1', name: 'Safety group', themeId: 't1', strategyOrder: ['st1'], readyAt: 7 },
    { id: 'g2', name: 'Permanency group', themeId: 't2', strategyOrder: ['st2'], readyAt: null },
  ],
  strategies: [
    { id: 'st1', workGroupId: 'g1', text: 'Safety plans reviewed monthly', authorName: 'Ana', createdAt: 6, steps: [{ id: 'sp1', what: 'Draft the checklist', owner: 'Ana', byWhen: 'March' }] },
    { id: 'st2', workGroupId: 'g2', text: 'Concurrent planning from day one', authorName: 'Bo', createdAt: 6, steps: [] },
  ],
  answers: [
    { id: 'a1', workGroupId: 'g1', field: 'recommendations', text: 'More kinship homes', authorName: 'Ana', createdAt: 6 },
    { id: 'a2', workGroupId: 'g1', field: 'assistance', text: 'Data coaching', authorName: 'Ana', createdAt: 7 },
    { id: 'a3', workGroupId: 'g2', field: 'recommendations', text: 'Faster court dates', authorName: 'Bo', createdAt: 6 },
  ],
  synthesis: [],
  nextSteps: [],
  ...over,
});

