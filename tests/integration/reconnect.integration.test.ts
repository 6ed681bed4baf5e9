import { afterEach, expect, it } from 'vitest';
import { boardItemId, client, closeClients, createSession, startServer, waitFor } from '../support/harness.js';
import { dropTransport } from '../support/randomClients.js';

type App = Awaited<ReturnType<typeof startServer>>;
let app: App | null = null;
afterEach(async () => {
  closeClients();
  await app?.close();
  app = null;
});

// Found by the seeded random clients (seed 7 on three processes): the join's answer fails as the connection closes,
// and restarting the connection from there left socket.io believing it was already reconnecting, for good.
it('a phone whose connection drops while its join is unanswered still comes back after the next drop', async () => {
  app = await startServer();
  const s = await createSession(app);
  const phone = client(app);
  // Registered after the client's own handler, which sends the join: the connection ends right behind it.
  phone.socket.once('connect', () => dropTransport(phone));
  await phone.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' });
  expect(phone.snap.connection).toBe('online');

  dropTransport(phone);
  await waitFor(() => phone.snap.connection === 'offline', 'the drop noticed');
  await waitFor(() => phone.snap.connection === 'online', 'back online after the second drop', 10_000);
  const itemId = boardItemId(phone);
  expect(await phone.send({ type: 'note.add', payload: { itemId, column: 'Strengths', text: 'after two drops' } })).toMatchObject({ ok: true });
});
