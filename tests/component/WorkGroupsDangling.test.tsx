// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { useSession } from '../../client/store.js';
import { emptySnapshot } from '../../client/net/sessionClient.js';
import { WorkgroupsBoard, WorkgroupsConsole, WorkgroupsPhone } from '../../client/modules/workgroup/screens.js';
import { ThemesBoard, ThemesConsole, ThemesPhone } from '../../client/modules/workgroup/screens.js';
import { NextStepsBoard, NextStepsConsole, NextStepsPhone, ReportOutBoard, ReportOutConsole, ReportOutPhone, SynthesisBoard, SynthesisConsole, SynthesisPhone } from '../../client/modules/plenary/screens.js';
import { toDict } from '../../shared/session/dict.js';
import type { SessionState } from '../../shared/session/state.js';
import { agendaItem, FACILITATOR, SessionModel } from '../support/sessionModel.js';
import { kickoff } from '../support/plenaryFixtures.js';

afterEach(cleanup);

/**
 * A state whose references point at nothing, as a log written before the groups' follow-ups (or a hand-edited
 * snapshot) can leave it: the group presenting, reactions, a pulled note's link and a message name a group that is
 * gone; a group names a removed theme, a removed leader and a strategy that is gone; a phone is in a group that is gone.
 */
function dangling(): SessionState {
  const m = new SessionModel([agendaItem('th', 'themes'), agendaItem('wg', 'workgroups'), agendaItem('ro', 'reportout'), agendaItem('syn', 'synthesis'), agendaItem('ns', 'nextsteps')]);
  m.ok(FACILITATOR, { type: 'plenary.receive', payload: { source: kickoff() } });
  const ana = m.join('p-ana', 'Ana');
  m.ok(FACILITATOR, { type: 'workgroup.assign', payload: { participantId: 'p-ana', workGroupId: 'g1' } });
  m.ok(FACILITATOR, { type: 'plenary.present', payload: { itemId: 'ro', workGroupId: 'g1' } });
  m.ok(ana, { type: 'plenary.react', payload: { workGroupId: 'g1', kind: 'question', text: 'Which homes?' } });
  m.ok(FACILITATOR, { type: 'plenary.pull', payload: { itemId: 'syn', column: 'Recommendations for the PIP', workGroupId: 'g1', field: 'recommendations', sourceId: 'a1' } });
  const s = m.state;
  const wg = s.workgroups;
  return {
    ...s,
    workgroups: {
      ...wg,
      themes: [],
      groups: wg.groups.filter((g) => g.id !== 'g1').map((g) => ({ ...g, leaderId: 'p-gone', strategyOrder: [...g.strategyOrder, 'st-gone'] })),
      members: toDict([['p-ana', 'g1'], ['p-gone', 'g2']]),
      messages: [{ id: 'm1', workGroupId: 'g1', text: 'To a group that is gone', warning: true, at: 1, to: ['p-ana'] }],
    },
  };
}

const SCREENS = {
  themes: [ThemesConsole, ThemesBoard, ThemesPhone],
  workgroups: [WorkgroupsConsole, WorkgroupsBoard, WorkgroupsPhone],
  reportout: [ReportOutConsole, ReportOutBoard, ReportOutPhone],
  synthesis: [SynthesisConsole, SynthesisBoard, SynthesisPhone],
  nextsteps: [NextStepsConsole, NextStepsBoard, NextStepsPhone],
} as const;

describe('the work groups’ and the large group’s screens on a state that points at nothing', () => {
  it('every console, board and phone screen renders, and still shows what people wrote', () => {
    const state = dangling();
    for (const [role, participantId] of [['facilitator', null], ['board', null], ['participant', 'p-ana']] as const) {
      useSession.setState({ ...emptySnapshot(), role, participantId, state }, true);
      for (const item of state.agenda) {
        for (const Screen of SCREENS[item.moduleType as keyof typeof SCREENS]) {
          const { container, unmount } = render(<Screen item={item} />);
          expect(container.textContent, `${item.moduleType} for the ${role}`).not.toBe(null);
          unmount();
        }
      }
    }
    useSession.setState({ ...emptySnapshot(), role: 'facilitator', state }, true);
    const { container } = render(<SynthesisConsole item={state.agenda[3]!} />);
    expect(container.textContent).toContain('More kinship homes');
    expect(container.textContent).toContain('Safety group');
  });
});
