// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ExportMenu } from '../../client/views/facilitator/ExportMenu.js';
import { SharedReportLink } from '../../client/views/participant/SharedReportLink.js';
import { SharedReportQr } from '../../client/views/board/SharedReportQr.js';
import { useSession } from '../../client/store.js';
import { emptySnapshot } from '../../client/net/sessionClient.js';
import { emptyState } from '../../shared/modules/registry.js';
import type { SessionState } from '../../shared/session/state.js';
import { agendaItem } from '../support/sessionModel.js';

afterEach(cleanup);

const session = (change: Partial<SessionState> = {}) =>
  useSession.setState(
    { ...emptySnapshot(), state: { ...emptyState(), title: 'Retreat', agenda: [agendaItem('swot', 'swot')], currentItemId: 'swot', ...change } },
    true,
  );
const radio = (name: RegExp) => screen.getByRole('radio', { name }) as HTMLInputElement;

describe('the console Export menu', () => {
  it('starts with the whole session as a PDF on US Letter, names off', () => {
    session();
    render(<ExportMenu />);
    expect(radio(/Whole session/).checked).toBe(true);
    expect((screen.getByLabelText('Format') as HTMLSelectElement).value).toBe('pdf');
    expect((screen.getByLabelText('Paper') as HTMLSelectElement).value).toBe('letter');
    expect((screen.getByLabelText('Include participant names') as HTMLInputElement).checked).toBe(false);
    expect(screen.getByRole('button', { name: 'Export PDF' })).toBeInstanceOf(HTMLButtonElement);
  });

  it('offers the current item for PDF and Markdown, and only the whole session for CSV and JSON', () => {
    session();
    render(<ExportMenu />);
    fireEvent.click(radio(/Current item: Item swot/));
    expect(radio(/Current item/).checked).toBe(true);
    fireEvent.change(screen.getByLabelText('Format'), { target: { value: 'csv' } });
    expect(radio(/Current item/).disabled).toBe(true);
    expect(radio(/Whole session/).checked).toBe(true);
    expect(screen.getByText('CSV and JSON always hold the whole session.')).toBeInstanceOf(HTMLElement);
    expect(screen.queryByLabelText('Paper')).toBeNull(); // paper is a PDF's only
    fireEvent.change(screen.getByLabelText('Format'), { target: { value: 'md' } });
    expect(radio(/Current item/).checked).toBe(true); // the choice comes back
  });

  it('has no current item to offer before the first item starts', () => {
    session({ currentItemId: null });
    render(<ExportMenu />);
    expect(radio(/Current item/).disabled).toBe(true);
  });
});

describe('a shared report on the phone and the board', () => {
  it('shows nothing while no report is shared', () => {
    session();
    render(
      <>
        <SharedReportLink />
        <SharedReportQr />
      </>,
    );
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.queryByTestId('shared-report-qr')).toBeNull();
  });

  it('gives the phone a download link and the board the short address, both of the share link', () => {
    session({ sharedReport: { shareId: 's1.abcdefghijklmnopqrstuvwx', scope: { kind: 'session' } } });
    render(
      <>
        <SharedReportLink />
        <SharedReportQr />
      </>,
    );
    const link = screen.getByRole('link', { name: 'Download the report (PDF)' });
    expect(link.getAttribute('href')).toBe(`${window.location.origin}/r/s1.abcdefghijklmnopqrstuvwx`);
    expect(link.hasAttribute('download')).toBe(true);
    expect(screen.getByTestId('shared-report-qr').textContent).toContain(`${window.location.host}/r/s1.abcdefghijklmnopqrstuvwx`);
  });
});
