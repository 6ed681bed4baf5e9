import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Room } from './browser.js';
import { cutOffElements } from './clipping.js';

/** Where the day's screenshots and PDFs go, to look at. */
export const DIR = '/tmp/issue10-shots';

/** What a phone shows wrongly: wider than the screen, something sticking out, a tap target under 44 px. */
export async function phoneProblems(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const out: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth) out.push(`the page is ${document.documentElement.scrollWidth}px wide`);
    for (const el of document.querySelectorAll('main *')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && (r.left < -1 || r.right > window.innerWidth + 1)) out.push(`${el.tagName} "${(el.textContent ?? '').slice(0, 30)}" sticks out`);
    }
    for (const b of document.querySelectorAll('main button, main select, main input:not([type="radio"]):not([type="checkbox"]), main textarea')) {
      const r = b.getBoundingClientRect();
      if (r.width > 0 && (r.height < 44 || r.width < 44))
        out.push(`${b.tagName} "${b.getAttribute('aria-label') ?? (b.textContent ?? '').slice(0, 30)}" is ${Math.round(r.width)}x${Math.round(r.height)}`);
    }
    return out;
  });
}

/** The smallest partner label on the board's map, in screen pixels. */
export const smallestLabel = (p: Page): Promise<number> =>
  p.evaluate(() => {
    const svg = document.querySelector('.ecomap-map') as SVGSVGElement;
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return Math.min(...[...svg.querySelectorAll('.ecomap-label')].map((el) => Number(el.getAttribute('font-size')) * scale));
  });

/** Opens a template from the landing page the way a facilitator does; the console is left on the session. */
export async function startFromTemplate(room: Room, con: Page, templateId: string): Promise<string> {
  await con.goto(`${room.app.url}/`);
  await con.getByLabel('Template').selectOption(templateId);
  await con.getByRole('button', { name: 'Create session' }).click();
  await con.getByTestId('join-code').waitFor();
  return (await con.getByTestId('join-code').innerText()).trim();
}

/** Saves every screen under DIR as `<day>-<step>-<screen>.png`, and checks the board and the phones. */
export function shooter(day: string, screens: [string, Page][]) {
  return async (step: string) => {
    for (const [name, p] of screens) {
      await p.screenshot({ path: path.join(DIR, `${day}-${step}-${name}.png`), fullPage: name.startsWith('phone') });
      if (name === 'board') expect(await cutOffElements(p), `the board at ${step}`).toEqual([]);
      if (name.startsWith('phone')) expect(await phoneProblems(p), `${name} at ${step}`).toEqual([]);
    }
  };
}

/** Waits for the board to show the item titled so (on failure, the board and console are saved to look at). */
export const boardOn = (board: Page, con: Page) => async (title: string) => {
  try {
    await board.getByRole('heading', { name: title }).first().waitFor({ timeout: 10_000 });
  } catch (e) {
    await board.screenshot({ path: path.join(DIR, 'fail-board.png') });
    await con.screenshot({ path: path.join(DIR, 'fail-console.png') });
    throw e;
  }
};

/** The PDF's pages as PNGs beside it, to look at; returns the page count. */
export function pdfPages(file: string): number {
  execFileSync('pdftoppm', ['-png', '-r', '60', file, file.replace(/\.pdf$/, '-page')]);
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())?.[1] ?? 0);
}
