import { dictSet, toDict } from '../../session/dict.js';
import type { EventMeta } from '../../session/module.js';
import type { SessionState } from '../../session/state.js';
import { MAX_GROUPS, workGroupsOf } from '../workgroup/workgroup.state.js';
import type { PlenaryEvent } from './plenary.events.js';
import { MAX_NEXT_STEPS, MAX_REACTIONS, plenaryOf, type PlenaryState } from './plenary.state.js';

/** Plenary events on the state: never throws, ignores what is gone. */
export function applyPlenary(s: SessionState, e: PlenaryEvent & EventMeta): SessionState {
  const p = plenaryOf(s);
  const set = (patch: Partial<PlenaryState>): SessionState => ({ ...s, plenary: { ...p, ...patch } });
  switch (e.type) {
    case 'plenary.presented': {
      const id = e.presenting?.workGroupId;
      // Capped: groups can be added and merged all day; the order keeps the latest 4 x MAX_GROUPS.
      return set({ presenting: e.presenting, presented: id === undefined || p.presented.includes(id) ? p.presented : [...p.presented, id].slice(-4 * MAX_GROUPS) });
    }
    case 'plenary.presentTimerSet':
      return p.presenting ? set({ presenting: { ...p.presenting, timer: e.timer } }) : s;
    case 'plenary.reacted':
      // A phone's copy comes without the recipients (see plenaryEventFor): the console's keeps them.
      return set({ reactions: [...p.reactions, e.to.length ? { ...e.reaction, to: e.to } : e.reaction].slice(-MAX_REACTIONS) });
    case 'plenary.pulled':
      return set({ links: dictSet(p.links, e.noteId, e.link) });
    case 'plenary.nextStepAdded':
      return set({ nextSteps: [...p.nextSteps, e.nextStep].slice(0, MAX_NEXT_STEPS) });
    case 'plenary.nextStepEdited':
      return set({ nextSteps: p.nextSteps.map((n) => (n.id === e.nextStep.id ? e.nextStep : n)) });
    case 'plenary.nextStepRemoved':
      return set({ nextSteps: p.nextSteps.filter((n) => n.id !== e.nextStepId) });
    case 'plenary.imported': {
      const { from } = e;
      const wg = workGroupsOf(s);
      const workgroups = {
        ...wg,
        themes: from.themes,
        groups: from.groups,
        strategies: toDict(from.strategies.map((x) => [x.id, x] as const)),
        answers: toDict(from.answers.map((a) => [a.id, a] as const)),
      };
      const plenary: PlenaryState = {
        ...p,
        importedFrom: { title: from.title, createdAt: from.createdAt, at: e.at },
        importedSynthesis: from.synthesis,
        nextSteps: [...p.nextSteps, ...from.nextSteps].slice(0, MAX_NEXT_STEPS),
      };
      return { ...s, workgroups, plenary };
    }
    default:
      return s;
  }
}
