import { beforeEach, describe, expect, it } from 'vitest';
import { crosswalkUsed, sessionContext, takesVisionContext } from '../../shared/modules/vision/vision.context.js';
import { visionOf } from '../../shared/modules/vision/vision.logic.js';
import type { Block } from '../../shared/report/model.js';
import { buildReport } from '../../shared/report/session.js';
import type { Actor } from '../../shared/session/permissions.js';
import { FACILITATOR, SessionModel } from '../support/sessionModel.js';
import { agendaItemFrom } from '../../shared/session/agenda.js';
import { DAY, item, reportOptions } from '../support/reportDay.js';

let m: SessionModel;
let ana: Actor;
const setContext = (itemId: string, mission: string, pastedCarried: string[] = []) =>
  m.ok(FACILITATOR, { type: 'vision.setContext', payload: { itemId, mission, vision: 'Safe families', values: 'Respect', pastedCarried } });
const blocksOf = (title: string): Block[] => buildReport(m.state, reportOptions(false)).sections.find((s) => s.title === title)?.blocks ?? [];
const texts = (blocks: Block[]) => JSON.stringify(blocks);

beforeEach(() => {
  m = new SessionModel([item('cw', 'crosswalk', 'Crosswalk'), item('pf', 'vision', 'Preferred future'), item('pf2', 'vision', 'Second vision')], DAY);
  ana = m.join('ana', 'Ana');
});

describe('the vision context belongs to the session', () => {
  it('entered on one vision item, it is the context of every vision item; the last saved wins', () => {
    expect(sessionContext(m.state)).toEqual({ mission: '', vision: '', values: '', pastedCarried: [] });
    setContext('cw', 'Protect children', ['Strong courts']);
    expect(sessionContext(m.state)).toEqual({ mission: 'Protect children', vision: 'Safe families', values: 'Respect', pastedCarried: ['Strong courts'] });
    setContext('pf2', 'Protect and strengthen');
    expect(sessionContext(m.state).mission).toBe('Protect and strengthen');
    // Emptied on purpose is emptied: the last save counts even when blank.
    m.ok(FACILITATOR, { type: 'vision.setContext', payload: { itemId: 'pf', mission: '', vision: '', values: '', pastedCarried: [] } });
    expect(sessionContext(m.state)).toEqual({ mission: '', vision: '', values: '', pastedCarried: [] });
  });

  it('a session stored before (the context on one item, without its seq) still shows it', () => {
    const old = { ...visionOf(m.state, 'pf'), mission: 'Old mission', pastedCarried: ['Old carried'] };
    const legacy = { vision: { pf: old, pf2: visionOf(m.state, 'pf2') } };
    expect(sessionContext(legacy)).toMatchObject({ mission: 'Old mission', pastedCarried: ['Old carried'] });
    // A context saved after the upgrade outranks the old one.
    expect(sessionContext({ vision: { ...legacy.vision, pf2: { ...old, mission: 'New mission', contextSeq: 3 } } }).mission).toBe('New mission');
  });

  it('every vision report shows the session context, not only the item it was typed on', () => {
    setContext('cw', 'Protect children');
    for (const title of ['Crosswalk', 'Preferred future', 'Second vision'])
      expect(texts(blocksOf(title))).toContain('Protect children');
  });
});

describe('each vision item shows only its own part', () => {
  it('the crosswalk item takes the crosswalk and the context, not the statement, fist-to-five or notes', () => {
    expect(m.run(FACILITATOR, { type: 'vision.draft', payload: { itemId: 'cw', text: 'x' } })?.message).toBe(
      'This agenda item holds the crosswalk: the statement is written on the preferred-future item.',
    );
    expect(m.run(FACILITATOR, { type: 'vision.askFist', payload: { itemId: 'cw' } })?.code).toBe('conflict');
    expect(m.run(ana, { type: 'note.add', payload: { itemId: 'cw', column: 'Preferred future', text: 'x' } })?.code).toBeDefined();
    m.ok(FACILITATOR, { type: 'vision.openCrosswalk', payload: { itemId: 'cw', open: true } });
    m.ok(ana, { type: 'vision.rate', payload: { itemId: 'cw', outcomeId: 'S1', rating: 'beyond' } });
    expect(visionOf(m.state, 'cw').crosswalk.tally.S1).toMatchObject({ beyond: 1 });
  });

  it("the crosswalk item's report has the context and the crosswalk; a vision item's has no crosswalk unless it held one", () => {
    const cw = blocksOf('Crosswalk');
    expect(texts(cw)).toContain('CFSR crosswalk');
    expect(texts(cw)).not.toContain('Preferred future phrases');
    expect(texts(cw)).not.toContain('Fist-to-five');
    expect(texts(blocksOf('Preferred future'))).not.toContain('CFSR crosswalk');
    expect(crosswalkUsed(visionOf(m.state, 'pf'))).toBe(false);
    // An older session ran the crosswalk on its vision item: it stays in that item's report.
    m.ok(FACILITATOR, { type: 'vision.openCrosswalk', payload: { itemId: 'pf', open: true } });
    m.ok(ana, { type: 'vision.rate', payload: { itemId: 'pf', outcomeId: 'P1', rating: 'expounds' } });
    m.ok(FACILITATOR, { type: 'vision.openCrosswalk', payload: { itemId: 'pf', open: false } });
    expect(crosswalkUsed(visionOf(m.state, 'pf'))).toBe(true);
    expect(texts(blocksOf('Preferred future'))).toContain('CFSR crosswalk');
  });
});

describe('an item of another kind that takes the vision context (input "vision")', () => {
  it('the vision retreat\'s "Current mission, vision and values" discussion takes it; the context entered there is the session\'s', async () => {
    const fs = await import('node:fs');
    const template = JSON.parse(fs.readFileSync('sessions/vision-retreat.json', 'utf8')) as { items: { title: string; moduleType: string; input?: string }[] };
    expect(template.items.find((i) => i.title === 'Current mission, vision and values')).toMatchObject({ moduleType: 'discussion', input: 'vision' });
    // The template's setting reaches the session's item.
    expect(agendaItemFrom('x', { title: 'Now', plannedMinutes: 45, moduleType: 'discussion', input: 'vision' }).input).toBe('vision');
    const shows = { ...item('now', 'discussion', 'Current mission, vision and values', '', ['What still fits']), input: 'vision' as const };
    m = new SessionModel([shows, item('plain', 'discussion', 'Plain'), item('pf', 'vision', 'Preferred future')], DAY);
    setContext('now', 'Protect children', ['Strong courts']);
    expect(sessionContext(m.state)).toMatchObject({ mission: 'Protect children', pastedCarried: ['Strong courts'] });
    expect(takesVisionContext(m.state.agenda[0])).toBe(true);
    expect(takesVisionContext(m.state.agenda[1])).toBe(false);
    const refused = m.run(FACILITATOR, { type: 'vision.setContext', payload: { itemId: 'plain', mission: 'x', vision: '', values: '', pastedCarried: [] } });
    expect(refused?.message).toBe('This agenda item is not a vision retreat.');
    // Only the context: the statement and rounds stay on vision items.
    expect(m.run(FACILITATOR, { type: 'vision.draft', payload: { itemId: 'now', text: 'A draft' } })?.message).toBe('This agenda item is not a vision retreat.');
  });
});
