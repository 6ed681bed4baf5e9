import { describe, expect, it } from 'vitest';
import { asciiFileName, contentDisposition, reportFileName, safeName } from '../../shared/report/fileName.js';
import { DAY, item, reportDay } from '../support/reportDay.js';
import { SessionModel } from '../support/sessionModel.js';

const session = (title: string, items = [item('a', 'board', 'Board')]) => {
  const m = new SessionModel(items, DAY);
  return { ...m.state, title };
};

describe('report file names', () => {
  it('carry the session title and date, and the item (and group) title for one item (or group)', () => {
    const { m, groupId } = reportDay();
    expect(reportFileName(m.state, { kind: 'session' }, 'pdf')).toBe('Retreat 2026-11-25.pdf');
    expect(reportFileName(m.state, { kind: 'item', itemId: 'swot' }, 'md')).toBe('Retreat 2026-11-25 - SWOT analysis.md');
    expect(reportFileName(m.state, { kind: 'group', itemId: 'swot', groupId }, 'pdf')).toBe('Retreat 2026-11-25 - SWOT analysis - Court partnerships.pdf');
    expect(reportFileName(m.state, { kind: 'session' }, 'pdf', 'Pacific/Auckland')).toBe('Retreat 2026-11-26.pdf');
  });

  it('are safe on Windows, macOS and Linux', () => {
    expect(reportFileName(session('Q3: "Where/are\\we?" <now> | *really*'), { kind: 'session' }, 'csv')).toBe('Q3 Where are we now really 2026-11-25.csv');
    expect(reportFileName(session('...'), { kind: 'session' }, 'json')).toBe('Session 2026-11-25.json');
    expect(reportFileName(session('Tab\there\nnewline'), { kind: 'session' }, 'pdf')).toBe('Tab here newline 2026-11-25.pdf');
    expect(reportFileName(session('Retiro de visión'), { kind: 'session' }, '../pdf')).toBe('Retiro de visión 2026-11-25.pdf');
    expect(safeName('CON')).toBe('CON_');
    expect(safeName('lpt1')).toBe('lpt1_');
    expect(safeName(' trailing dots... ')).toBe('trailing dots');
    const long = reportFileName(session('Ñ'.repeat(300)), { kind: 'session' }, 'pdf');
    expect([...long].length).toBeLessThanOrEqual(124);
    expect(long.endsWith('.pdf')).toBe(true);
  });

  it('leave out an item or group the session does not have rather than fail', () => {
    const s = session('Board meeting');
    expect(reportFileName(s, { kind: 'item', itemId: 'gone' }, 'pdf')).toBe('Board meeting 2026-11-25.pdf');
    expect(reportFileName(s, { kind: 'group', itemId: 'a', groupId: 'gone' }, 'pdf')).toBe('Board meeting 2026-11-25 - Board.pdf');
  });
});

describe('Content-Disposition', () => {
  it('has an ASCII fallback and the exact UTF-8 name (RFC 5987)', () => {
    expect(asciiFileName('Retiro de visión – Núñez 2026.pdf')).toBe('Retiro de vision _ Nunez 2026.pdf');
    expect(contentDisposition('Retiro de visión (día 1).pdf')).toBe(
      `attachment; filename="Retiro de vision (dia 1).pdf"; filename*=UTF-8''Retiro%20de%20visi%C3%B3n%20%28d%C3%ADa%201%29.pdf`,
    );
    expect(contentDisposition("Zoë's notes.md", 'inline')).toBe(`inline; filename="Zoe's notes.md"; filename*=UTF-8''Zo%C3%AB%27s%20notes.md`);
    expect(asciiFileName('a"b\\c')).toBe('a_b_c');
    expect(decodeURIComponent(contentDisposition('José 😀.pdf').split("UTF-8''")[1]!)).toBe('José 😀.pdf');
  });
});
