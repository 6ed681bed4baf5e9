import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, joinOnPhone, useRoom } from '../support/browser.js';
import { cutOffElements } from '../support/clipping.js';
import { client, closeClients, createSession, itemOfType } from '../support/harness.js';
import { ok } from '../support/reportServer.js';
import { MAX_PARTNERS, STARTER_PARTNERS } from '../../shared/modules/ecomap/ecomap.state.js';

/** The screenshots of this test, to look at (and the usual test-results copy). */
const SHOTS = '/tmp/ecomap-shots';

/** What sticks out of a phone's width, and the mark buttons smaller than a thumb (44 px). */
async function phoneProblems(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const out: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth) out.push(`the page is ${document.documentElement.scrollWidth}px wide`);
    for (const el of document.querySelectorAll('main *')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && (r.left < -1 || r.right > window.innerWidth + 1)) out.push(`${el.tagName} "${(el.textContent ?? '').slice(0, 30)}" sticks out`);
    }
    for (const b of document.querySelectorAll('.ecomap-mark-button, .ecomap-mark-now button')) {
      const r = b.getBoundingClientRect();
      if (r.height < 44 || r.width < 44) out.push(`button "${b.getAttribute('aria-label')}" is ${Math.round(r.width)}x${Math.round(r.height)}`);
    }
    return out;
  });
}

/** Partner labels on the board's map that overlap one another (their text boxes, on screen). */
async function overlappingLabels(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const boxes = [...document.querySelectorAll('.ecomap-map .ecomap-label')].map((el) => ({ name: el.textContent ?? '', r: el.getBoundingClientRect() }));
    const out: string[] = [];
    boxes.forEach((a, i) =>
      boxes.slice(i + 1).forEach((b) => {
        if (a.r.left < b.r.right - 1 && b.r.left < a.r.right - 1 && a.r.top < b.r.bottom - 1 && b.r.top < a.r.bottom - 1) out.push(`${a.name} / ${b.name}`);
      }),
    );
    return out;
  });
}

/** The smallest partner label on the board, in screen pixels (its font size as drawn). */
const smallestLabel = (p: Page): Promise<number> =>
  p.evaluate(() => {
    const svg = document.querySelector('.ecomap-map') as SVGSVGElement;
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return Math.min(...[...svg.querySelectorAll('.ecomap-label')].map((el) => Number(el.getAttribute('font-size')) * scale));
  });

/** The names as the map's labels spell them, lines joined. */
const labelNames = (p: Page): Promise<string[]> =>
  p.evaluate(() => [...document.querySelectorAll('.ecomap-map .ecomap-label')].map((el) => [...el.querySelectorAll('tspan')].map((t) => t.textContent).join(' ').replace(/- /g, '-')));

async function ecomapSession(app: Parameters<typeof createSession>[0], title: string) {
  const s = await createSession(app, { title });
  const setup = client(app);
  await setup.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
  await ok(setup, {
    type: 'agenda.addItem',
    payload: { item: { title: 'Agency partners eco-map', plannedMinutes: 45, moduleType: 'ecomap', prompt: 'What additional partners should be added?' } },
  });
  return { s, setup, itemId: itemOfType(setup, 'ecomap') };
}

describe.skipIf(!hasChromium)('the stakeholder eco-map in the browser', () => {
  const openedRoom = useRoom();

  it('starter set, a vote on two phones with a change and a withdrawal, a proposal accepted, results on the board map, a scribe’s plan row', async () => {
    const room = openedRoom();
    const { app } = room;
    fs.mkdirSync(SHOTS, { recursive: true });
    const shot = async (p: Page, name: string) => {
      await room.shot(p, `ecomap-${name}`);
      await p.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: name.includes('phone') });
    };
    const { s } = await ecomapSession(app, 'Stakeholder engagement');
    closeClients();

    const con = await room.page({ width: 1280, height: 800 });
    con.on('dialog', (d) => void d.accept());
    await con.goto(s.facilitatorUrl.replace(/^http:\/\/[^/]+/, app.url));
    const board = await room.page({ width: 1920, height: 1080 });
    await board.goto(`${app.url}/board/${s.joinCode}`);
    const phones: Page[] = [];
    for (const name of ['Ana', 'Ben', 'Cy']) {
      const p = await room.phone();
      await joinOnPhone(p, app.url, s.joinCode, name);
      phones.push(p);
    }
    const [ana, ben, cy] = phones as [Page, Page, Page];

    await con.getByRole('button', { name: 'Go to Agency partners eco-map' }).click();
    await con.getByRole('button', { name: 'Add the starter set (12)' }).click();
    // (A name may wrap onto two lines of the label: found by its node's name.)
    await expect.poll(() => board.getByRole('img', { name: 'Courts and judges', exact: true }).count()).toBe(1);
    expect(await board.locator('.ecomap-map .ecomap-label').count()).toBe(12);
    await shot(con, '1-setup-console');
    await shot(board, '1-setup-board');
    expect(await cutOffElements(board)).toEqual([]);

    await con.getByRole('button', { name: 'Open the vote' }).click();
    await expect.poll(() => ana.getByRole('button', { name: 'Green (circle) for Courts and judges' }).count()).toBe(1);
    await ana.getByRole('button', { name: 'Green (circle) for Courts and judges' }).click();
    await ana.getByRole('button', { name: 'Yellow (triangle) for Tribes' }).click();
    await ben.getByRole('button', { name: 'Green (circle) for Courts and judges' }).click();
    await ben.getByRole('button', { name: 'Red (square) for Courts and judges' }).click(); // a change of mind
    await ben.getByRole('button', { name: 'No dot (ring) for Youth' }).click();
    await ben.getByRole('button', { name: 'Withdraw your mark for Youth' }).click(); // and a withdrawal
    await expect.poll(() => ben.getByRole('button', { name: 'Withdraw your mark for Youth' }).count()).toBe(0);
    expect(await ben.getByRole('button', { name: 'Red (square) for Courts and judges' }).getAttribute('aria-pressed')).toBe('true');
    expect(await ben.getByRole('button', { name: 'Green (circle) for Courts and judges' }).getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => board.getByText('2 have marked.').count()).toBe(1);
    await expect.poll(() => con.getByText('2 have marked.').count()).toBe(1);
    // Before the results the board shows no marks and no colours.
    expect(await board.locator('.ecomap-map .ecomap-dots').count()).toBe(0);
    expect(await board.locator('.ecomap-legend').count()).toBe(0);
    expect(await phoneProblems(ben)).toEqual([]);
    await shot(ben, '2-vote-phone');
    await shot(board, '2-vote-board');
    await shot(con, '2-vote-console');

    // Ben proposes a partner; the facilitator accepts it; Ben sees it added and Ana marks it.
    await ben.getByLabel('Partner', { exact: true }).fill('Juvenile probation');
    await ben.getByRole('button', { name: 'Propose partner' }).click();
    await expect.poll(() => ben.getByText('Waiting for the facilitator').count()).toBe(1);
    await con.getByRole('button', { name: 'Accept Juvenile probation', exact: true }).click();
    await expect.poll(() => ben.getByText('Added to the map').count()).toBe(1);
    await expect.poll(() => board.getByRole('img', { name: 'Juvenile probation', exact: true }).count()).toBe(1);
    await ana.getByRole('button', { name: 'Green (circle) for Juvenile probation' }).click();
    await expect.poll(() => con.getByRole('row', { name: /Juvenile probation/ }).getByRole('cell').first().innerText()).toBe('1');
    await shot(ben, '3-proposal-phone');

    await con.getByRole('button', { name: 'Close the vote' }).click();
    await con.getByRole('button', { name: 'Show the results' }).click();
    await expect.poll(() => board.locator('.ecomap-map .ecomap-dots').count()).toBeGreaterThan(0);
    expect(await board.getByRole('img', { name: 'Courts and judges: Green 1, Yellow 0, Red 1, No dot 0; the room is split' }).count()).toBe(1);
    expect(await board.getByRole('img', { name: 'Tribes: Green 0, Yellow 1, Red 0, No dot 0; consensus Yellow' }).count()).toBe(1);
    expect(await board.locator('.ecomap-legend').getByText('Healing and re-involving').count()).toBe(1);
    expect(await cutOffElements(board)).toEqual([]);
    expect(await overlappingLabels(board)).toEqual([]);
    await shot(board, '4-results-board');
    expect(await smallestLabel(board)).toBeGreaterThanOrEqual(20);
    // Every name whole ("(split)" after a split partner's, as the report prints it).
    expect((await labelNames(board)).map((l) => l.replace(/ \(split\)$/, '')).sort()).toEqual(
      [...STARTER_PARTNERS.map((p) => p.name), 'Juvenile probation'].sort(),
    );
    await expect.poll(() => ana.getByRole('list', { name: 'Results per partner' }).count()).toBe(1);
    expect(await phoneProblems(ana)).toEqual([]);
    await shot(ana, '4-results-phone');

    // Cy is the scribe: fills the plan row for the courts; the console shows it under "Room split".
    await con.getByLabel('Scribe (fills the plan from their phone)').selectOption({ label: 'Cy' });
    await expect.poll(() => cy.getByRole('heading', { name: 'Engagement plan: you are the scribe' }).count()).toBe(1);
    await cy.getByLabel('Partner', { exact: true }).first().selectOption({ label: 'Courts and judges' });
    await cy.getByRole('textbox', { name: 'How', exact: true }).fill('Quarterly court improvement meetings');
    await cy.getByRole('textbox', { name: 'Who', exact: true }).fill('Deputy director');
    await cy.getByRole('textbox', { name: 'When', exact: true }).fill('Before the statewide assessment');
    await cy.getByRole('button', { name: 'Save plan row' }).click();
    await expect.poll(() => con.getByRole('cell', { name: 'Quarterly court improvement meetings' }).count()).toBe(1);
    expect(await phoneProblems(cy)).toEqual([]);
    await shot(cy, '5-plan-phone');
    await con.getByRole('heading', { name: 'Stakeholder engagement plan: how, who, when' }).scrollIntoViewIfNeeded();
    await shot(con, '5-plan-console');
  });

  it(`a board with ${MAX_PARTNERS} partners and their results: every name whole, none overlapping`, async () => {
    const room = openedRoom();
    const { app } = room;
    const { s, setup, itemId } = await ecomapSession(app, 'A big map');
    const names = [
      ...STARTER_PARTNERS.map((p) => p.name),
      ...['Juvenile probation', 'Public defenders', 'Guardians ad litem', 'CASA volunteers', 'Court improvement program', 'Law enforcement', 'Domestic violence advocates'],
      ...['Substance use treatment providers', 'Housing authority', 'Early childhood programs', 'Head Start', 'Faith communities', 'Foster parent association'],
      ...['Adoptive parent support groups', 'Kinship navigators', 'Youth advisory board', 'Parent partners', 'Tribal child welfare directors', 'State Medicaid agency'],
      ...['Department of education', 'Workforce development board', 'Universities and training partners', 'Private child-placing agencies', 'Local foundations'],
      ...['Residential treatment providers', 'County commissioners', 'Ombudsman’s office', 'Regional office supervisors'],
    ];
    expect(names).toHaveLength(MAX_PARTNERS);
    await ok(setup, { type: 'ecomap.addPartners', payload: { itemId, names } });
    const ids = setup.snap.state.ecomaps[itemId]?.order ?? [];
    for (const partnerId of ids.slice(2, 8)) {
      const p = setup.snap.state.ecomaps[itemId]!.partners[partnerId]!;
      await ok(setup, { type: 'ecomap.editPartner', payload: { itemId, partnerId, name: p.name, category: p.category, side: 'internal' } });
    }
    await ok(setup, { type: 'agenda.goto', payload: { itemId } });
    await ok(setup, { type: 'ecomap.setVote', payload: { itemId, vote: 'open' } });
    const voter = client(app);
    await voter.join({ role: 'participant', joinCode: s.joinCode, name: 'Dee' });
    const marks = ['green', 'yellow', 'red', 'none'] as const;
    for (const [i, partnerId] of ids.entries()) await ok(voter, { type: 'ecomap.mark', payload: { itemId, partnerId, mark: marks[i % 4]! } });
    await ok(setup, { type: 'ecomap.showResults', payload: { itemId, shown: true } });
    closeClients();
    const board = await room.page({ width: 1920, height: 1080 });
    await board.goto(`${app.url}/board/${s.joinCode}`);
    await expect.poll(() => board.locator('.ecomap-map .ecomap-label').count()).toBe(MAX_PARTNERS);
    await expect.poll(() => board.locator('.ecomap-map .ecomap-dots').count()).toBe(MAX_PARTNERS);
    fs.mkdirSync(SHOTS, { recursive: true });
    await board.screenshot({ path: path.join(SHOTS, '6-forty-board.png') });
    await room.shot(board, 'ecomap-6-forty-board');
    expect(await cutOffElements(board)).toEqual([]);
    expect(await overlappingLabels(board)).toEqual([]);
    // Forty names around one agency on a 1920x1080 board: the largest type at which none overlaps (measured: 14 px).
    expect(await smallestLabel(board)).toBeGreaterThanOrEqual(13);
    // Every node is named in full for screen readers, and every label spells the whole name.
    for (const name of names) expect(await board.getByRole('img', { name: new RegExp(`^${name}: `) }).count(), name).toBe(1);
    expect((await labelNames(board)).sort()).toEqual([...names].sort());
  });
});
