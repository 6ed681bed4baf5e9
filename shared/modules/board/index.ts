import { defineModule } from '../../session/module.js';
import { boardReport } from './board.report.js';
import { presentationReport } from './presentation.report.js';

declare module '../../session/state.js' {
  interface ItemKinds {
    presentation: true;
    discussion: true;
    board: true;
  }
}

/**
 * The plain kinds of agenda item: a presentation (no board) and open note boards, where notes are public and named
 * and each participant changes their own (the core's rules). No commands, events or state of their own.
 */
export const boardModule = defineModule({
  name: 'board',
  rehearsal: async () => (await import('./board.simulate.js')).boardRehearsal,
  kinds: [
    { type: 'presentation', label: 'Presentation', hasBoard: false, runs: [], defaultColumns: [], report: presentationReport },
    { type: 'discussion', label: 'Discussion', hasBoard: true, runs: [], defaultColumns: ['Comments'], report: boardReport },
    { type: 'board', label: 'Note board', hasBoard: true, runs: [], defaultColumns: ['Notes'], report: boardReport },
  ],
});
