import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionClient } from '../../client/net/sessionClient.js';
import { SENTENCES, sendOk } from '../support/workshopText.js';
import { hasChromium, useRoom, type Room } from '../support/browser.js';
import { client, closeClients, createSession, itemOfType, waitFor } from '../support/harness.js';
import { cutOffElements, wholeTexts } from '../support/clipping.js';
import { allNotes } from '../../shared/session/notes.js';
import { flowOf } from '../../shared/modules/flow/flow.state.js';

/** A long note, as a room writes when it means it: near the 500-character limit, from the workshop's own wording. */
const longNote = (i: number) => `${i + 1}. ${[0, 1, 2, 3].map((k) => SENTENCES[(i + k) % SENTENCES.length]).join(' ')}`.slice(0, 500);

/** Runs a data retreat's SWOT to its results with these notes (Strengths first), returning the SWOT's id. */
async function swotResults(fac: SessionClient, ana: SessionClient, texts: string[]): Promise<string> {
  const itemId = itemOfType(fac, 'swot');
  const quadrants = ['Strengths', 'Weaknesses', 'Opportunities', 'Threats'];
  for (const [i, text] of texts.entries()) await sendOk(ana, { type: 'note.add', payload: { itemId, column: quadrants[i % 4] ?? 'Threats', text } });
  for (const to of ['reveal', 'cluster', 'vote', 'results'] as const) await sendOk(fac, { type: 'flow.advance', payload: { itemId, to } });
  await waitFor(() => allNotes(fac.snap.state).filter((n) => n.itemId === itemId).length === texts.length, 'every note on the console');
  return itemId;
}

/** Every page of the board: each element of `selector` whole inside its container (`within`) and the screen; nothing cut. */
async function everyPage(room: Room, board: Page, name: string, selector: string, within: string): Promise<Set<string>> {
  await board.waitForTimeout(300);
  const counter = board.locator('.board-page-count');
  const pages = (await counter.count()) ? Number(/of (\d+)/.exec(await counter.innerText())?.[1] ?? 1) : 1;
  const seen = new Set<string>();
  for (let p = 0; p < pages; p++) {
    if (p > 0) {
      await board.keyboard.press('ArrowRight');
      await expect.poll(() => counter.innerText()).toContain(`${p + 1} of ${pages}`);
    }
    await room.shot(board, `${name}-page${p + 1}`);
    expect(await cutOffElements(board), `${name}, page ${p + 1}`).toEqual([]);
    const crossing = await board.evaluate(
      ([sel, box]) => {
        const out: string[] = [];
        const view = { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight };
        for (const el of document.querySelectorAll(sel)) {
          const region = el.closest('.board-pages')?.getBoundingClientRect();
          for (const r of el.getClientRects()) {
            // On another page of its region: not shown now.
            if (region && (r.right <= region.left + 1 || r.left >= region.right - 1)) continue;
            const c = el.closest(box)?.getBoundingClientRect();
            for (const [what, b] of [['its container', c], ['the screen', view]] as const)
              if (!b || r.left < b.left - 1 || r.right > b.right + 1 || r.top < b.top - 1 || r.bottom > b.bottom + 1)
                out.push(`"${(el.textContent ?? '').slice(0, 30)}" crosses ${what}`);
          }
        }
        return out;
      },
      [selector, within] as const,
    );
    expect(crossing, `${name}, page ${p + 1}`).toEqual([]);
    for (const t of await wholeTexts(board, selector)) seen.add(t);
  }
  return seen;
}

describe.skipIf(!hasChromium)('long content on the board', () => {
  const openedRoom = useRoom();
  afterEach(() => closeClients());

  it('SWOT results with notes near the 500-character limit: each result wraps inside its quadrant and the screen, on every page', async () => {
    const room = openedRoom();
    const s = await createSession(room.app, { templateId: 'data-retreat' });
    const fac = client(room.app);
    await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
    const ana = client(room.app);
    await ana.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' });
    const texts = Array.from({ length: 12 }, (_, i) => longNote(i));
    const itemId = await swotResults(fac, ana, texts);
    await sendOk(fac, { type: 'agenda.goto', payload: { itemId } });
    const board = await room.page({ width: 1920, height: 1080 });
    await board.goto(`${room.app.url}/board/${s.joinCode}`);
    await expect.poll(() => board.locator('.result').count()).toBeGreaterThan(0);
    const seen = await everyPage(room, board, 'long-swot-results', '.result', '.flow-column');
    // Every result was shown whole (not in two pieces) on some page.
    for (const t of texts) expect([...seen].some((shown) => shown.includes(t)), t.slice(0, 40)).toBe(true);
    await board.close();
  }, 120_000);

  it('an item showing 40 carried items shrinks, then pages with "1 of N": every one is shown whole across the pages', async () => {
    const room = openedRoom();
    const s = await createSession(room.app, { templateId: 'data-retreat' });
    const fac = client(room.app);
    await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
    const ana = client(room.app);
    await ana.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' });
    const texts = Array.from({ length: 40 }, (_, i) => `${i + 1}. ${SENTENCES[i % SENTENCES.length]}`);
    const itemId = await swotResults(fac, ana, texts);
    for (const n of allNotes(fac.snap.state).filter((x) => x.itemId === itemId))
      await sendOk(fac, { type: 'flow.carry', payload: { itemId, target: { kind: 'note', id: n.id }, carried: true } });
    await waitFor(() => flowOf(fac.snap.state, itemId).carried.length === 40, '40 carried');
    const priorities = fac.snap.state.agenda.find((i) => i.input === 'carried')?.id ?? '';
    await sendOk(fac, { type: 'agenda.goto', payload: { itemId: priorities } });
    const board = await room.page({ width: 1920, height: 1080 });
    await board.goto(`${room.app.url}/board/${s.joinCode}`);
    await expect.poll(() => board.locator('.carried-list > li').count()).toBe(40);
    await expect.poll(() => board.locator('.board-page-count').innerText()).toMatch(/^1 of \d+$/);
    const seen = await everyPage(room, board, 'long-carried', '.carried-list > li .result-label', '.carried');
    expect([...seen].sort()).toEqual([...texts].sort());
    const size = await board.locator('.carried-list .result-label').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(24);
    await board.close();
  }, 180_000);
});
