/**
 * The phone's first load: builds the client as `npm run build` does, serves it, opens /join/<code> in headless
 * Chromium with an empty cache and adds up the bytes that came over the wire (encoded bodies), with brotli and with
 * gzip only. Prints `bench phone_first_load_bytes=N phone_first_load_gzip_bytes=M`.
 */
import { hasChromium, openRoom, CHROMIUM } from '../support/browser.js';
import { phoneFirstLoad } from '../support/firstLoad.js';
import { createSession } from '../support/harness.js';

async function main(): Promise<void> {
  if (!hasChromium) {
    console.log(`[bench] phone first load skipped: no Chromium at ${CHROMIUM}`);
    return;
  }
  const room = await openRoom();
  try {
    const s = await createSession(room.app, { templateId: 'data-retreat' });
    const url = `${room.app.url}/join/${s.joinCode}`;
    const br = await phoneFirstLoad(room.browser, url);
    const gzip = await phoneFirstLoad(room.browser, url, 'gzip, deflate');
    for (const f of br.files) console.log(`[bench] ${f.name.replace(room.app.url, '')} ${f.bytes} B ${f.encoding}`);
    console.log(`bench phone_first_load_bytes=${br.bytes} phone_first_load_gzip_bytes=${gzip.bytes}`);
  } finally {
    await room.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
