import fs from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, joinOnPhone, useRoom } from '../support/browser.js';
import { createSession } from '../support/harness.js';
import { isPdf, pdfText } from '../support/pdfText.js';

const TITLE = 'Data retreat: Where are we now?';

/** Presses what starts a download and hands back the file the browser saved. */
async function download(page: Page, press: () => Promise<void>): Promise<{ name: string; bytes: Uint8Array }> {
  const [file] = await Promise.all([page.waitForEvent('download') as Promise<Download>, press()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: new Uint8Array(fs.readFileSync(path)) };
}

describe.skipIf(!hasChromium)('reports in the browser', () => {
  const openedRoom = useRoom();

  it('the console exports a PDF and the other formats as real downloads, mid-session', async () => {
    const room = openedRoom();
    const s = await createSession(room.app, { templateId: 'data-retreat' });
    const con = await room.page({ width: 1440, height: 900 });
    await con.goto(s.facilitatorUrl.replace(/^http:\/\/[^/]+/, room.app.url));
    const phone = await room.phone();
    await joinOnPhone(phone, room.app.url, s.joinCode, 'José Núñez');
    await expect.poll(() => con.getByText('José Núñez').count()).toBeGreaterThan(0);

    const exportMenu = con.getByRole('region', { name: 'Export' });
    await expect.poll(() => exportMenu.getByLabel('Include participant names').isChecked()).toBe(false);
    const pdf = await download(con, () => exportMenu.getByRole('button', { name: 'Export PDF' }).click());
    expect(pdf.name).toMatch(/\.pdf$/);
    expect(pdf.name).toContain('Data retreat');
    expect(isPdf(pdf.bytes)).toBe(true);
    expect(pdfText(pdf.bytes).replace(/\s+/g, ' ')).toContain(TITLE);
    expect(pdfText(pdf.bytes)).not.toContain('Núñez');
    await room.shot(con, 'console-export');

    await exportMenu.getByLabel('Paper').selectOption('a4');
    expect(isPdf((await download(con, () => exportMenu.getByRole('button', { name: 'Export PDF' }).click())).bytes)).toBe(true);

    for (const [value, ext] of [['md', 'md'], ['csv', 'csv'], ['json', 'json']] as const) {
      await exportMenu.getByLabel('Format').selectOption(value);
      const file = await download(con, () => exportMenu.getByRole('button', { name: /^Export / }).click());
      expect(file.name, value).toMatch(new RegExp(`\\.${ext}$`));
      expect(file.bytes.length, value).toBeGreaterThan(10);
    }
    const json = await download(con, () => exportMenu.getByRole('button', { name: 'Export JSON' }).click());
    const text = Buffer.from(json.bytes).toString('utf8');
    expect(JSON.parse(text)).toMatchObject({ schema: 'facilitation-toolkit/session-export', version: 1 });
    expect(text).toContain(`"title": "${TITLE}"`);
    // The current item: Markdown of the item the room is on.
    await exportMenu.getByLabel('Format').selectOption('md');
    await exportMenu.getByRole('radio', { name: /Current item/ }).check();
    const md = await download(con, () => exportMenu.getByRole('button', { name: 'Export Markdown' }).click());
    expect(Buffer.from(md.bytes).toString('utf8')).not.toContain('Núñez');
  }, 120_000);

  it('the facilitator shares the report: the phone downloads it and the board shows its QR code, until sharing stops', async () => {
    const room = openedRoom();
    const s = await createSession(room.app, { templateId: 'data-retreat' });
    const con = await room.page({ width: 1440, height: 900 });
    await con.goto(s.facilitatorUrl.replace(/^http:\/\/[^/]+/, room.app.url));
    const board = await room.page({ width: 1920, height: 1080 });
    await board.goto(`${room.app.url}/board/${s.joinCode}`);
    const phone = await room.phone();
    await joinOnPhone(phone, room.app.url, s.joinCode, 'José Núñez');
    await expect.poll(() => con.getByText('José Núñez').count()).toBeGreaterThan(0);
    const phoneButton = phone.getByRole('link', { name: 'Download the report (PDF)' });
    expect(await phoneButton.count()).toBe(0);
    expect(await board.getByTestId('shared-report-qr').count()).toBe(0);

    const share = con.getByRole('region', { name: 'Share with the room' });
    await share.getByRole('button', { name: 'Share the whole session' }).click();
    await expect.poll(() => share.getByTestId('shared-report').innerText()).toContain('Shared: the whole session.');

    // The board: a QR code, with the address it encodes written under it.
    const qr = board.getByTestId('shared-report-qr');
    await expect.poll(() => qr.locator('img').count()).toBe(1);
    const shown = await qr.locator('.board-report-url').innerText();
    const url = `http://${shown}`;
    expect(shown).toMatch(/^127\.0\.0\.1:\d+\/r\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{24}$/);
    expect(await qr.locator('img').getAttribute('alt')).toBe(`QR code to download the report: ${url}`);
    expect(shown).not.toContain(s.facilitatorKey);
    await room.shot(board, 'board-shared-report');

    // The phone: the button downloads the PDF, without names.
    await expect.poll(() => phoneButton.count()).toBe(1);
    await room.shot(phone, 'phone-shared-report');
    const file = await download(phone, () => phoneButton.click());
    expect(isPdf(file.bytes)).toBe(true);
    expect(file.name).toMatch(/\.pdf$/);
    const text = pdfText(file.bytes);
    expect(text.replace(/\s+/g, ' ')).toContain(TITLE);
    expect(text).not.toContain('Núñez');
    // What the QR code encodes is the same report.
    const viaQr = await fetch(url);
    expect(viaQr.status).toBe(200);
    expect(isPdf(new Uint8Array(await viaQr.arrayBuffer()))).toBe(true);

    await share.getByRole('button', { name: 'Stop sharing' }).click();
    await expect.poll(() => phoneButton.count()).toBe(0);
    await expect.poll(() => board.getByTestId('shared-report-qr').count()).toBe(0);
    expect((await fetch(url)).status).toBe(404);
  }, 120_000);
});
