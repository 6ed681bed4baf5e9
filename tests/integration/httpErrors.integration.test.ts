import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIBRARY_PHRASES as ZOD_PHRASES } from '../support/phrases.js';
import { rawRequest } from '../support/rawHttp.js';
import { SHIPPED_TEMPLATES, startServer } from '../support/harness.js';

/** Phrases of zod (shared with the command-schema test) and of fastify and node that must never reach a person. */
const LIBRARY_PHRASES = [ZOD_PHRASES, /Route /, /FST_/, /Body is not valid/i, /Unsupported Media Type/i, /Client Error/i, /statusCode/];
const BARE_DEFAULTS = ['Bad Request', 'Internal Server Error', 'Not Found', 'Method Not Allowed', 'Forbidden', 'Payload Too Large'];

interface Case {
  what: string;
  method: string;
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

const post = (what: string, body: string, type = 'application/json'): Case => ({
  what,
  method: 'POST',
  path: '/api/sessions',
  body,
  headers: { 'content-type': type },
});

const CASES: Case[] = [
  // bad JSON
  post('not JSON', 'not json'),
  post('empty body', ''),
  post('cut-off JSON', '{"title": "Board'),
  post('a prototype key', '{"__proto__": {"title": "x"}}'),
  post('a constructor key', '{"constructor": {"prototype": {"x": 1}}}'),
  // wrong shapes and types
  post('an array', '[]'),
  post('null', 'null'),
  post('a number', '5'),
  post('a string', '"Board meeting"'),
  post('an empty object', '{}'),
  post('a title that is a number', '{"title": 5}'),
  post('a title that is null', '{"title": null}'),
  post('a title that is an object', '{"title": {"text": "x"}}'),
  post('an empty title', '{"title": ""}'),
  post('a blank title', '{"title": "   "}'),
  post('a title too long', JSON.stringify({ title: 'x'.repeat(121) })),
  post('a template id that is a number', '{"templateId": 5}'),
  post('a template id too long', JSON.stringify({ templateId: 'x'.repeat(61) })),
  post('an unknown template', '{"templateId": "nope"}'),
  post('both a title and a template', '{"title": "a", "templateId": "data-retreat"}'),
  // unknown fields
  post('an unknown field', '{"title": "a", "extra": 1}'),
  post('only unknown fields', '{"name": "a", "agenda": []}'),
  // huge bodies
  post('a body over the limit', JSON.stringify({ title: 'x'.repeat(10_000) })),
  post('a very large body', 'x'.repeat(200_000)),
  // wrong content types
  post('a form', 'title=Board', 'application/x-www-form-urlencoded'),
  post('multipart', '--b\r\nContent-Disposition: form-data; name="title"\r\n\r\nx\r\n--b--', 'multipart/form-data; boundary=b'),
  post('XML', '<title>x</title>', 'application/xml'),
  post('an octet stream', '{"title": "x"}', 'application/octet-stream'),
  post('a made-up type', '{"title": "x"}', 'nonsense'),
  // wrong methods
  ...['GET', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'].map((method) => ({ what: `${method} on sessions`, method, path: '/api/sessions' })),
  ...['POST', 'PUT', 'DELETE'].map((method) => ({ what: `${method} on templates`, method, path: '/api/templates', body: '{}' })),
  ...['POST', 'DELETE'].map((method) => ({ what: `${method} on health`, method, path: '/health', body: '{}' })),
  // addresses that are not ours
  { what: 'an unknown API address', method: 'GET', path: '/api/session' },
  { what: 'a session id where none is taken', method: 'GET', path: '/api/sessions/abc' },
  { what: 'an unknown page', method: 'GET', path: '/nope', headers: { accept: 'text/html' } },
  { what: 'a client page without a built client', method: 'GET', path: '/join/ABCDEF' },
  // reports
  { what: 'an export without the facilitator key', method: 'GET', path: '/api/sessions/abc/report.pdf' },
  { what: 'an export with a wrong key', method: 'GET', path: '/api/sessions/abc/export.csv', headers: { authorization: 'Bearer nope' } },
  { what: 'an export in a format we do not make', method: 'GET', path: '/api/sessions/abc/report.docx' },
  { what: 'a POST to an export', method: 'POST', path: '/api/sessions/abc/report.md', body: '{}' },
  { what: 'a shared report that is not shared', method: 'GET', path: '/api/shared/abc.defghijklmnopqrstuvwx/report.pdf' },
  { what: 'a short shared-report link that is not shared', method: 'GET', path: '/r/nothing-here' },
  { what: 'a shared report with names', method: 'GET', path: '/r/abc?names=1' },
  // a page of another site
  { ...post('a foreign page', '{"title": "x"}'), headers: { 'content-type': 'application/json', origin: 'https://elsewhere.example' } },
];

describe('every HTTP refusal is a sentence of ours', () => {
  let app: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    app = await startServer({ templatesDir: SHIPPED_TEMPLATES });
  });
  afterAll(() => app.close());

  it.each(CASES)('$what', async ({ method, path, body, headers }) => {
    const res = await fetch(`${app.url}${path}`, { method, body, headers });
    const text = await res.text();
    expect(res.status, text).toBeGreaterThanOrEqual(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const { error } = JSON.parse(text) as { error: unknown };
    expect(typeof error).toBe('string');
    expect(error).toMatch(/^[A-Z"].*[.!?]$/); // a sentence
    for (const phrase of LIBRARY_PHRASES) expect(text, `${phrase}`).not.toMatch(phrase);
    expect(BARE_DEFAULTS).not.toContain(error);
  });

  it('answers HEAD on a refusal without a body and without a library status text', async () => {
    const res = await fetch(`${app.url}/api/sessions`, { method: 'HEAD' });
    expect(res.status).toBe(405);
  });

  it.each([
    ['a body shorter than announced', 'POST /api/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5\r\nConnection: close\r\n\r\n{"a"'],
    ['a broken header line', 'GET /health HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n'],
    ['a broken request line', 'NOT A REQUEST\r\n\r\n'],
    ['headers too large', `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`],
  ])('%s', async (_what, request) => {
    const answer = await rawRequest(app.port, request, 1500);
    for (const phrase of LIBRARY_PHRASES) expect(answer.text).not.toMatch(phrase);
    if (answer.status !== null) expect(answer.text).toMatch(/"error":"[A-Z].*\."/);
  });
});
