import fs from 'node:fs';
import path from 'node:path';
import type { Download, Page } from 'playwright-core';
import { expect } from 'vitest';
import { cutOffElements } from './clipping.js';
import { pdfText } from './pdfText.js';
import type { Room } from './browser.js';

/** The console, the board and the phones of one day in the room, with a screenshot of three of them at every step. */
export interface DayScreens {
  con: Page;
  board: Page;
  phones: Page[];
}

/**
 * Saves the console, the board and one phone under `dir` (and the usual test-results copy) as `<step>-console.png`
 * and so on, and checks the board for anything cut off.
 */
export function stepShots(room: Room, dir: string, screens: DayScreens) {
  fs.mkdirSync(dir, { recursive: true });
  return async (step: string, phone: Page = screens.phones[0]!): Promise<void> => {
    for (const [p, name] of [[screens.con, 'console'], [screens.board, 'board'], [phone, 'phone']] as const) {
      await p.screenshot({ path: path.join(dir, `${step}-${name}.png`) });
      await room.shot(p, `day-${step}-${name}`);
    }
    expect(await cutOffElements(screens.board), `the board at ${step}`).toEqual([]);
  };
}

/** Presses what starts a download and hands back the text of the PDF the browser saved (also kept under `dir`). */
export async function downloadPdfText(page: Page, dir: string, name: string, press: () => Promise<void>): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download') as Promise<Download>, press()]);
  const saved = path.join(dir, name);
  await file.saveAs(saved);
  return pdfText(fs.readFileSync(saved));
}
