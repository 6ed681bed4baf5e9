// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { ReportPreviewPanel } from '../../client/views/facilitator/ReportPreviewPanel.js';
import { ReportBlocks } from '../../client/report/ReportBlocks.js';
import { useSession } from '../../client/store.js';
import { emptySnapshot } from '../../client/net/sessionClient.js';
import { reportDay } from '../support/reportDay.js';

afterEach(cleanup);

describe('the report preview on the console', () => {
  it('draws every kind of block: the SWOT grid with its counts, tables, bars and quotes', () => {
    render(
      <ReportBlocks
        blocks={[
          { kind: 'heading', level: 2, text: 'SWOT' },
          {
            kind: 'grid2x2',
            cells: [
              { title: 'Strengths', unit: 'dots', entries: [{ text: 'Court partnerships', count: 4, detail: ['Judges attend'] }] },
              { title: 'Weaknesses', unit: 'dots', entries: [{ text: 'Caseloads are high', count: 1 }] },
              { title: 'Opportunities', entries: [] },
              { title: 'Threats', entries: [{ text: 'Budget cuts', count: 9 }] },
            ],
          },
          { kind: 'table', columns: ['Figure', 'Value'], rows: [['Children in care', '1,204', 'extra cell']] },
          { kind: 'bars', unit: 'answers', bars: [{ label: '5 fingers', value: 3 }] },
          { kind: 'quote', text: 'Every child safe', attribution: 'Final statement' },
        ]}
      />,
    );
    expect(screen.getByText('4 dots')).toBeInstanceOf(HTMLElement);
    expect(screen.getByText('1 dot')).toBeInstanceOf(HTMLElement);
    expect(screen.getByText('Judges attend')).toBeInstanceOf(HTMLElement);
    expect(screen.getByText('No notes.')).toBeInstanceOf(HTMLElement); // an empty quadrant says so
    expect(screen.queryByText(/9 /)).toBeNull(); // a cell without a unit prints no counts
    expect(screen.getByText('extra cell')).toBeInstanceOf(HTMLElement); // no cell dropped
    expect(screen.getByText('3 answers')).toBeInstanceOf(HTMLElement);
    expect(screen.getByText('Every child safe')).toBeInstanceOf(HTMLElement);
  });

  it('opens on request and shows the current item’s section as it would print, without names', async () => {
    const { m } = reportDay();
    useSession.setState({ ...emptySnapshot(), state: m.state }, true);
    const swot = m.state.agenda.find((i) => i.id === 'swot')!;
    render(<ReportPreviewPanel item={swot} />);
    expect(screen.queryByText('Court partnerships')).toBeNull(); // closed: nothing built
    const details = screen.getByText('Report preview').closest('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    const grid = await screen.findByText('Strengths', {}, { timeout: 5000 });
    expect(within(grid.closest('.report-cell') as HTMLElement).getByText('Court partnerships')).toBeInstanceOf(HTMLElement);
    expect(screen.getByText('Children in care')).toBeInstanceOf(HTMLElement);
    expect(document.body.textContent).not.toContain('Núñez');
  });
});
