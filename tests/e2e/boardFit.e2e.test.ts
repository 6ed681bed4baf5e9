import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionClient } from '../../client/net/sessionClient.js';
import { SENTENCES, sendOk } from '../support/workshopText.js';
import { hasChromium, useRoom, type Room } from '../support/browser.js';
import { client, closeClients, createSession, itemOfType, waitFor, type Created } from '../support/harness.js';
import { cutOffElements, wholeTexts } from '../support/clipping.js';
import { PAGE_SECONDS } from '../../client/views/board/useBoardPages.js';
import { allNotes } from '../../shared/session/notes.js';
import { flowOf } from '../../shared/modules/flow/flow.state.js';



async function facilitator(room: Room, templateId: string): Promise<{ s: Created; fac: SessionClient }> {
  const s = await createSession(room.app, { templateId });
  const fac = client(room.app);
  await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
  return { s, fac };
}

async function openBoard(room: Room, s: Created): Promise<Page> {
  const board = await room.page({ width: 1920, height: 1080 });
  await board.goto(`${room.app.url}/board/${s.joinCode}`);
  return board;
}

/** The board shows the whole of everything on it, on every page it has; returns how many pages it had. */
async function expectNothingCut(room: Room, board: Page, name: string): Promise<number> {
  await board.waitForTimeout(300); // fonts and the fit settle
  const counter = board.locator('.board-page-count');
  const pages = (await counter.count()) ? Number(/of (\d+)/.exec(await counter.innerText())?.[1] ?? 1) : 1;
  for (let p = 0; p < pages; p++) {
    if (p > 0) {
      await board.keyboard.press('ArrowRight');
      await expect.poll(() => counter.innerText()).toContain(`${p + 1} of ${pages}`);
    }
    await room.shot(board, `${name}-page${p + 1}`);
    expect(await cutOffElements(board), `${name}, page ${p + 1}`).toEqual([]);
  }
  if (pages > 1) await board.keyboard.press('ArrowRight'); // back to the first page
  return pages;
}

describe.skipIf(!hasChromium)('the board never clips', () => {
  const openedRoom = useRoom();
  afterEach(() => closeClients());

  it('shows all 40 notes of one column across pages ("1 of N"), whole, and collapses the join panel once people joined', async () => {
    const room = openedRoom();
    const { s, fac } = await facilitator(room, 'pip-kickoff');
    const itemId = itemOfType(fac, 'discussion');
    // Before anyone joined: the first item (a presentation) and the whole join panel, nothing cut.
    const board = await openBoard(room, s);
    await expect.poll(() => board.locator('.board-join').count()).toBe(1);
    await expect.poll(() => board.locator('#board-item-title').innerText()).toBe(fac.snap.state.agenda[0]?.title);
    await expectNothingCut(room, board, 'fit-0-presentation-join-panel');
    await sendOk(fac, { type: 'agenda.goto', payload: { itemId } });
    await expect.poll(() => board.locator('.board-column').count()).toBeGreaterThan(0);
    await expectNothingCut(room, board, 'fit-0-board-join-panel');

    const ana = client(room.app);
    await ana.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' });
    const column = fac.snap.state.agenda.find((i) => i.id === itemId)?.columns[0] ?? '';
    const texts = Array.from({ length: 40 }, (_, i) => `${i + 1}. ${SENTENCES[i % SENTENCES.length]}`);
    for (const text of texts) await sendOk(ana, { type: 'note.add', payload: { itemId, column, text } });

    await expect.poll(() => board.locator('.board-note').count()).toBe(40);
    // Someone joined: the join panel is a strip with the code in the header.
    expect(await board.locator('.board-join').count()).toBe(0);
    expect(await board.locator('.board-join-strip').innerText()).toContain(s.joinCode);

    const counter = board.locator('.board-page-count');
    await expect.poll(() => counter.innerText()).toMatch(/^1 of \d+$/);
    const pages = Number(/of (\d+)/.exec(await counter.innerText())?.[1]);
    expect(pages).toBeGreaterThan(1);
    // The pages turn by themselves (every PAGE_SECONDS); the arrow keys on the board turn them too.
    await expect.poll(() => counter.innerText(), { timeout: (PAGE_SECONDS + 5) * 1000 }).toBe(`2 of ${pages}`);
    await board.keyboard.press('ArrowLeft');
    await expect.poll(() => counter.innerText()).toBe(`1 of ${pages}`);
    const seen = new Set<string>();
    for (let p = 0; p < pages; p++) {
      if (p > 0) {
        await board.keyboard.press('ArrowRight');
        await expect.poll(() => counter.innerText()).toBe(`${p + 1} of ${pages}`);
      }
      for (const t of await wholeTexts(board, '.board-note-text')) seen.add(t);
      await room.shot(board, `fit-1-forty-notes-page${p + 1}`);
      expect(await cutOffElements(board), `page ${p + 1}`).toEqual([]);
    }
    expect([...seen].sort()).toEqual([...texts].sort());
    // The text shrank no further than the readable minimum.
    const size = await board.locator('.board-note').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(24);
  });

  it('fits every step of the SWOT; the facilitator pauses the pages (they stay put) and spotlights a group', async () => {
    const room = openedRoom();
    const { s, fac } = await facilitator(room, 'data-retreat');
    const itemId = itemOfType(fac, 'swot');
    await sendOk(fac, { type: 'agenda.goto', payload: { itemId } });
    await sendOk(fac, { type: 'swot.addCard', payload: { itemId, card: { title: 'Children in care', value: '1,240', note: 'Gather information on agency operations and performance.' } } });
    const board = await openBoard(room, s);
    const ana = client(room.app);
    await ana.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' });
    const quadrants = ['Strengths', 'Weaknesses', 'Opportunities', 'Threats'];
    for (const [i, text] of [...SENTENCES, ...SENTENCES, ...SENTENCES].entries())
      await sendOk(ana, { type: 'note.add', payload: { itemId, column: quadrants[i % 4] ?? 'Threats', text } });
    await expect.poll(() => board.locator('.flow-bigcount').count()).toBe(4);
    await expectNothingCut(room, board, 'fit-swot-brainstorm');

    await sendOk(fac, { type: 'flow.advance', payload: { itemId, to: 'reveal' } });
    await expect.poll(() => board.locator('.flow-note').count()).toBe(27);
    await expectNothingCut(room, board, 'fit-swot-reveal');

    await sendOk(fac, { type: 'spotlight.paging', payload: { paused: true } });
    await expect.poll(() => board.locator('.board-page-count').innerText()).toMatch(/^1 of \d+ \(paused\)$/);
    // Paused, the pages stay put past their time.
    await board.waitForTimeout((PAGE_SECONDS + 1) * 1000);
    expect(await board.locator('.board-page-count').innerText()).toMatch(/^1 of \d+ \(paused\)$/);

    await sendOk(fac, { type: 'flow.advance', payload: { itemId, to: 'cluster' } });
    const threats = allNotes(fac.snap.state).filter((n) => n.itemId === itemId && n.column === 'Threats');
    const [a, b] = threats;
    if (!a || !b) throw new Error('two Threats notes expected');
    await sendOk(fac, { type: 'flow.group', payload: { noteId: a.id, onto: { kind: 'note', id: b.id } } });
    await waitFor(() => Object.keys(flowOf(fac.snap.state, itemId).groups).length === 1, 'the group');
    const groupId = Object.keys(flowOf(fac.snap.state, itemId).groups)[0] ?? '';
    await sendOk(fac, { type: 'flow.nameGroup', payload: { groupId, name: 'Stakeholders' } });
    await expect.poll(() => board.locator('.flow-group').count()).toBe(1);
    await expectNothingCut(room, board, 'fit-swot-cluster');

    await sendOk(fac, { type: 'spotlight.show', payload: { target: { itemId, kind: 'group', id: groupId } } });
    await expect.poll(() => board.locator('.board-spotlight').innerText()).toContain('In the spotlight: Stakeholders');
    expect(await board.locator('.board-spotlight-notes li').allInnerTexts()).toEqual(expect.arrayContaining([a.text, b.text]));
    await expectNothingCut(room, board, 'fit-swot-spotlight');
    await sendOk(fac, { type: 'spotlight.clear', payload: {} });
    await expect.poll(() => board.locator('.board-spotlight').count()).toBe(0);

    await sendOk(fac, { type: 'flow.advance', payload: { itemId, to: 'vote' } });
    await sendOk(ana, { type: 'flow.dot', payload: { itemId, target: { kind: 'group', id: groupId }, delta: 1 } });
    await expectNothingCut(room, board, 'fit-swot-vote');
    await sendOk(fac, { type: 'flow.advance', payload: { itemId, to: 'results' } });
    await expect.poll(() => board.locator('.result').count()).toBeGreaterThan(3);
    await expectNothingCut(room, board, 'fit-swot-results');
    await board.close();
  });

  it('fits every stage of the vision retreat: phrases with the context, draft, fist-to-five, final, crosswalk', async () => {
    const room = openedRoom();
    const { s, fac } = await facilitator(room, 'vision-retreat');
    const itemId = itemOfType(fac, 'vision');
    const phrases = fac.snap.state.agenda.filter((i) => i.moduleType === 'vision').at(-1)?.id ?? itemId;
    await sendOk(fac, { type: 'agenda.goto', payload: { itemId: phrases } });
    await sendOk(fac, {
      type: 'vision.setContext',
      payload: { itemId: phrases, mission: SENTENCES[1] ?? '', vision: SENTENCES[4] ?? '', values: SENTENCES[5] ?? '', pastedCarried: SENTENCES.slice(0, 4) },
    });
    const board = await openBoard(room, s);
    const ana = client(room.app);
    await ana.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' });
    const columns = fac.snap.state.agenda.find((i) => i.id === phrases)?.columns ?? [];
    for (const [i, text] of SENTENCES.entries()) await sendOk(ana, { type: 'note.add', payload: { itemId: phrases, column: columns[i % columns.length] ?? '', text } });
    await expect.poll(() => board.locator('.vision-context').count()).toBe(1);
    await expectNothingCut(room, board, 'fit-vision-phrases');
    for (const to of ['reveal', 'cluster', 'vote', 'results'] as const) await sendOk(fac, { type: 'flow.advance', payload: { itemId: phrases, to } });
    await sendOk(fac, { type: 'vision.draft', payload: { itemId: phrases, text: SENTENCES.slice(0, 5).join(' ') } });
    await expect.poll(() => board.locator('.statement-text').count()).toBe(1);
    await expectNothingCut(room, board, 'fit-vision-draft');
    await sendOk(fac, { type: 'vision.askFist', payload: { itemId: phrases } });
    await sendOk(ana, { type: 'vision.fist', payload: { itemId: phrases, value: 4 } });
    await expect.poll(() => board.locator('.fist-chart').count()).toBe(1);
    await expectNothingCut(room, board, 'fit-vision-fist');
    await sendOk(fac, { type: 'vision.finalize', payload: { itemId: phrases } });
    await expectNothingCut(room, board, 'fit-vision-final');

    await sendOk(fac, { type: 'agenda.goto', payload: { itemId } });
    await sendOk(fac, { type: 'vision.openCrosswalk', payload: { itemId, open: true } });
    await sendOk(ana, { type: 'vision.rate', payload: { itemId, outcomeId: 'S1', rating: 'incorporated' } });
    await expect.poll(() => board.locator('.crosswalk-tally tbody tr').count()).toBe(7);
    await expectNothingCut(room, board, 'fit-vision-crosswalk');
    await board.close();
  });
});
