import { describe, expect, it } from 'vitest';
import { allNotes } from '../../shared/session/notes.js';
import { SAY } from '../../server/sentences.js';
import { client, createSession, itemOfType } from '../support/harness.js';
import { isPdf, pdfText } from '../support/pdfText.js';
import { LIBRARY_PHRASES } from '../support/phrases.js';
import { bytesOf, errorOf, FILES, getWith, NAMES, ok, useServer, votedDay } from '../support/reportServer.js';

const server = useServer();
const get = (path: string, key?: string): Promise<Response> => getWith(server(), path, key);
/** All of a file as text: a PDF through pdftotext, the others as they are. */
const textOf = async (res: Response, file: string): Promise<string> => (file.endsWith('.pdf') ? pdfText(await bytesOf(res)) : res.text());

/** A minimal RFC 4180 reader: enough to count rows whose fields hold commas, quotes and line breaks. */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = (): void => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (quoted || (ch !== ',' && ch !== '\r' && ch !== '\n')) field += ch;
    else if (ch === ',') endField();
    else if (ch === '\n') {
      endField();
      rows.push(row);
      row = [];
    }
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

describe('exports over HTTP with the facilitator key', () => {
  it('answers every export with its type, a download name and no caching', async () => {
    const { s } = await votedDay(server());
    const types = { 'report.pdf': 'application/pdf', 'report.md': 'text/markdown', 'export.csv': 'text/csv', 'export.json': 'application/json' };
    for (const file of FILES) {
      const res = await get(`/api/sessions/${s.sessionId}/${file}`, s.facilitatorKey);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('content-type'), file).toContain(types[file]);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const disposition = res.headers.get('content-disposition') ?? '';
      expect(disposition, file).toMatch(new RegExp(`^attachment; filename="[\\x20-\\x7e]+\\.${file.split('.')[1]}"; filename\\*=UTF-8''\\S+$`));
      expect(disposition).toContain('Test'); // the session title ("Test day") names the file
      const body = await bytesOf(res);
      expect(body.length, file).toBeGreaterThan(20);
      if (file === 'report.pdf') expect(isPdf(body)).toBe(true);
      if (file === 'export.json') {
        const json = Buffer.from(body).toString('utf8');
        expect(JSON.parse(json)).toMatchObject({ schema: 'facilitation-toolkit/session-export', version: 1 });
        expect(json).toContain('"title": "Test day"');
      }
    }
    expect(pdfText(await bytesOf(await get(`/api/sessions/${s.sessionId}/report.pdf?paper=a4`, s.facilitatorKey)))).toContain('Test day');
  }, 30_000);

  it('without the right key says one sentence, the same for a missing session, and sends nothing else', async () => {
    const a = await createSession(server());
    const b = await createSession(server());
    const cases: Array<[string, string | undefined]> = [
      [a.sessionId, undefined], // no key
      [a.sessionId, 'wrong-key-wrong-key-wrong'],
      [a.sessionId, b.facilitatorKey], // another session's key
      [a.sessionId, ''],
      ['no-such-session', a.facilitatorKey],
      ['constructor', a.facilitatorKey],
    ];
    const itemId = (await (async () => {
      const fac = client(server());
      await fac.join({ role: 'facilitator', sessionId: a.sessionId, facilitatorKey: a.facilitatorKey });
      return itemOfType(fac, 'board');
    })());
    for (const [id, key] of cases)
      for (const path of [...FILES.map((f) => `/api/sessions/${id}/${f}`), `/api/sessions/${id}/items/${itemId}/report.pdf`, `/api/sessions/${id}/items/${itemId}/report.md`]) {
        const res = await get(path, key);
        expect(res.status, `${path} ${key}`).toBe(403);
        expect(res.headers.get('content-disposition')).toBeNull();
        expect(await res.json()).toEqual({ error: SAY.exportNeedsKey });
      }
    // The key as something else than a bearer token does not count either.
    const basic = await fetch(`${server().url}/api/sessions/${a.sessionId}/report.md`, { headers: { authorization: `Basic ${a.facilitatorKey}` } });
    expect(basic.status).toBe(403);
  });

  it('leaves every participant name out unless names=1, in every format', async () => {
    const { s } = await votedDay(server());
    for (const file of FILES) {
      const text = await textOf(await get(`/api/sessions/${s.sessionId}/${file}`, s.facilitatorKey), file);
      for (const name of NAMES) {
        expect(text, `${file} ${name}`).not.toContain(name);
        expect(text, `${file} ${name}`).not.toContain(name.split(' ')[1]);
      }
      // Not an empty file: the reports carry the title, the CSV the notes.
      expect(text, file).toContain(file === 'export.csv' ? 'Staff turnover 1' : 'Test day');
      expect((await get(`/api/sessions/${s.sessionId}/${file}?names=0`, s.facilitatorKey)).status).toBe(200);
      expect((await get(`/api/sessions/${s.sessionId}/${file}?names=1&tz=America/Chicago`, s.facilitatorKey)).status).toBe(200);
    }
  }, 30_000);

  it('writes one CSV row per note and per dot in the state', async () => {
    const { s, fac } = await votedDay(server());
    const rows = csvRows(await (await get(`/api/sessions/${s.sessionId}/export.csv`, s.facilitatorKey)).text());
    const [header, ...data] = rows;
    for (const column of ['item', 'module', 'kind', 'column', 'group', 'text', 'time']) expect(header).toContain(column);
    for (const row of data) expect(row).toHaveLength(header!.length);
    const state = fac.snap.state;
    const notes = allNotes(state).length;
    // One (voter, note) pair per dot here: each phone put one dot on each of two notes.
    const dots = Object.values(state.flows).reduce((n, f) => n + Object.values(f.dots).reduce((m, d) => m + Object.keys(d).length, 0), 0);
    expect(notes).toBe(6);
    expect(dots).toBe(4);
    expect(data).toHaveLength(notes + dots);
  });

  it('exports one item or one group, and refuses items and groups that are not there with a sentence', async () => {
    const { s, fac } = await votedDay(server());
    const board = itemOfType(fac, 'board');
    const swot = itemOfType(fac, 'swot');
    for (const file of ['report.pdf', 'report.md']) {
      const res = await get(`/api/sessions/${s.sessionId}/items/${swot}/${file}`, s.facilitatorKey);
      expect(res.status).toBe(200);
      expect(await textOf(res, file)).toContain('SWOT analysis');
    }
    for (const itemId of ['nope', 'constructor', '__proto__']) {
      const res = await get(`/api/sessions/${s.sessionId}/items/${itemId}/report.md`, s.facilitatorKey);
      expect(res.status).toBe(404);
      expect(await errorOf(res)).toBe('There is no such agenda item in this session.');
    }
    const noGroup = await get(`/api/sessions/${s.sessionId}/items/${board}/groups/toString/report.pdf`, s.facilitatorKey);
    expect(noGroup.status).toBe(404);
    expect(await errorOf(noGroup)).toBe('There is no such group in this agenda item.');
    // CSV and JSON are of the whole session only.
    expect((await get(`/api/sessions/${s.sessionId}/items/${swot}/export.csv`, s.facilitatorKey)).status).toBe(404);
  });

  it('exports a group of a clustered item', async () => {
    const { s, fac } = await votedDay(server());
    const swot = itemOfType(fac, 'swot');
    const s2 = await createSession(server());
    const fac2 = client(server());
    await fac2.join({ role: 'facilitator', sessionId: s2.sessionId, facilitatorKey: s2.facilitatorKey });
    const item = itemOfType(fac2, 'swot');
    await ok(fac2, { type: 'note.add', payload: { itemId: item, column: 'Threats', text: 'Turnover' } });
    await ok(fac2, { type: 'note.add', payload: { itemId: item, column: 'Threats', text: 'Vacancies' } });
    for (const to of ['reveal', 'cluster'] as const) await ok(fac2, { type: 'flow.advance', payload: { itemId: item, to } });
    const [one, two] = allNotes(fac2.snap.state);
    await ok(fac2, { type: 'flow.group', payload: { noteId: one!.id, onto: { kind: 'note', id: two!.id } } });
    const groupId = Object.keys(fac2.snap.state.flows[item]?.groups ?? {})[0];
    const res = await get(`/api/sessions/${s2.sessionId}/items/${item}/groups/${groupId}/report.pdf`, s2.facilitatorKey);
    expect(res.status).toBe(200);
    expect(isPdf(await bytesOf(res))).toBe(true);
    // A group id is looked up in its own item only.
    const elsewhere = await get(`/api/sessions/${s.sessionId}/items/${swot}/groups/${groupId}/report.md`, s.facilitatorKey);
    expect(elsewhere.status).toBe(404);
  });

  it('refuses bad options with our sentences and changes nothing', async () => {
    const s = await createSession(server());
    const cases: Array<[string, RegExp]> = [
      ['names=2', /^The names option is 1 .* or 0/],
      ['names=1&names=0', /^The names option is 1 .* or 0/],
      ['paper=a3', /letter \(the default\) or a4/],
      ['tz=Mars/Olympus', /"Mars\/Olympus" is not a time zone we know/],
      ['tz=', /"" is not a time zone we know/],
      ['colour=red', /We do not know the option "colour"\. The options are names/],
      ['__proto__=1', /We do not know the option "__proto__"/],
      [`facilitator=${'x'.repeat(81)}`, /A facilitator’s name can be at most 80 characters/],
      ['facilitator=A&facilitator=B', /Give the facilitator’s name once/],
    ];
    for (const [query, sentence] of cases) {
      const res = await get(`/api/sessions/${s.sessionId}/report.md?${query}`, s.facilitatorKey);
      expect(res.status, query).toBe(400);
      const error = await errorOf(res);
      expect(error, query).toMatch(sentence);
      expect(error).not.toMatch(LIBRARY_PHRASES);
    }
    // A facilitator's name goes on the title page, exactly as typed.
    const named = await get(`/api/sessions/${s.sessionId}/report.md?facilitator=${encodeURIComponent('Dolores Muñoz')}`, s.facilitatorKey);
    expect(await named.text()).toContain('Dolores Muñoz');
    expect(await (await get(`/api/sessions/${s.sessionId}/report.md`, s.facilitatorKey)).text()).not.toContain('Facilitator');
    // Options are checked only after the key: a stranger learns nothing from them.
    expect((await get(`/api/sessions/${s.sessionId}/report.md?paper=a3`)).status).toBe(403);
  });

  it('exports mid-session and after the session ended; a deleted session is as unknown as one that never was', async () => {
    const { s, fac } = await votedDay(server());
    await ok(fac, { type: 'session.end', payload: {} });
    for (const file of FILES) expect((await get(`/api/sessions/${s.sessionId}/${file}`, s.facilitatorKey)).status, file).toBe(200);
    expect((await fetch(`${server().url}/api/sessions/${s.sessionId}`, { method: 'DELETE', headers: { authorization: `Bearer ${s.facilitatorKey}` } })).status).toBe(204);
    const gone = await get(`/api/sessions/${s.sessionId}/report.md`, s.facilitatorKey);
    expect(gone.status).toBe(403);
    expect(await errorOf(gone)).toBe(SAY.exportNeedsKey);
  });
});
