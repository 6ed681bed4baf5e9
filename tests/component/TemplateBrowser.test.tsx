// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { TemplateBrowser } from '../../client/views/landing/TemplateBrowser.js';
import type { TemplateSummary } from '../../client/views/landing/api.js';
import { loadProtocol } from '../../shared/modules/registry.js';
import { loadTemplates } from '../../server/templates.js';

afterEach(cleanup);

let shipped: TemplateSummary[] = [];
beforeAll(async () => {
  await loadProtocol();
  shipped = loadTemplates('sessions').templates.map(({ id, title, description, source, items }) => ({ id, title, description, source, items }));
});

const saved: TemplateSummary = {
  id: 'our-day-abc123',
  title: 'Our planning day',
  description: 'Saved after the March cohort.',
  saved: true,
  items: [
    { title: 'Welcome', plannedMinutes: 10, moduleType: 'presentation' },
    { title: 'Strengths and needs', plannedMinutes: 65, moduleType: 'swot' },
  ],
};

function browser(onStart = vi.fn(async (_id: string) => {})) {
  render(<TemplateBrowser templates={[...shipped, saved]} onStart={onStart} />);
  return onStart;
}
const entries = () => screen.queryAllByRole('listitem').filter((li) => li.classList.contains('template-entry'));
const search = (q: string) => fireEvent.change(screen.getByLabelText('Search by title, source or agenda item'), { target: { value: q } });

describe('the template browser', () => {
  it('lists every shipped template and the saved one, marked as saved', () => {
    browser();
    expect(shipped.length).toBe(18);
    expect(entries()).toHaveLength(19);
    const mine = entries().find((e) => e.textContent?.includes('Our planning day'))!;
    expect(within(mine).getByText('Saved').textContent).toBe('Saved');
  });

  it('searches title, description, source and item titles, accents and case aside', () => {
    browser();
    search('ECO-MAP');
    expect(entries().length).toBeGreaterThan(0);
    search('seed 003');
    expect(entries().map((e) => e.querySelector('h3')?.textContent)).toEqual(
      shipped.filter((t) => (t.source ?? '').includes('seed 003') || t.description.includes('seed 003')).map((t) => t.title),
    );
    search('strengths needs'); // two words, both in the saved template's items
    expect(entries().some((e) => e.textContent?.includes('Our planning day'))).toBe(true);
    search('cohort march');
    expect(entries()).toHaveLength(1);
    search('zzz nothing');
    expect(entries()).toHaveLength(0);
    expect(screen.getByText('No template matches “zzz nothing”. Try another word.').textContent).toBe('No template matches “zzz nothing”. Try another word.');
    expect(screen.getByRole('status').textContent).toBe('0 of 19 templates match.');
  });

  it('previews the agenda with minutes and kinds, the total time and the source', () => {
    browser();
    fireEvent.click(screen.getByRole('button', { name: 'Preview Our planning day' }));
    const preview = document.getElementById('preview-our-day-abc123')!;
    expect(preview.textContent).toContain('Welcome');
    expect(preview.textContent).toContain('10 min');
    expect(preview.textContent).toContain('65 min');
    expect(preview.textContent).toContain('Total: 1 h 15 min (75 minutes) in 2 items.');
    expect(preview.textContent).toContain('Source: saved from a session on this server');
    const core = shipped.find((t) => t.id === 'core-values')!;
    fireEvent.click(screen.getByRole('button', { name: `Preview ${core.title}` }));
    const p2 = document.getElementById('preview-core-values')!;
    expect(p2.textContent).toContain(`Source: ${core.source}`);
    const total = core.items.reduce((s, i) => s + i.plannedMinutes, 0);
    expect(p2.textContent).toContain(`(${total} minutes) in ${core.items.length} items.`);
    expect(screen.getByRole('button', { name: `Hide ${core.title}` }).getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById('preview-our-day-abc123')).toBeNull(); // one preview at a time
  });

  it('starts a session in one click, and says why when it cannot', async () => {
    const onStart = browser(vi.fn(async (id: string) => {
      if (id === 'our-day-abc123') throw new Error('No template with id "our-day-abc123".');
    }));
    fireEvent.click(screen.getByRole('button', { name: 'Start Our planning day' }));
    expect(onStart).toHaveBeenCalledWith('our-day-abc123');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('No template with id "our-day-abc123".'));
    const data = shipped.find((t) => t.id === 'data-retreat')!;
    fireEvent.click(screen.getByRole('button', { name: `Start ${data.title}` }));
    expect(onStart).toHaveBeenLastCalledWith('data-retreat');
  });

  it('rehearses a template: asks how many simulated participants (8 unless changed) and the pace, then starts in one step', async () => {
    const onStart = browser(vi.fn(async (_id: string, _rehearsal?: { participants: number; pace: number }) => {}));
    fireEvent.click(screen.getByRole('button', { name: 'Rehearse Our planning day' }));
    const form = screen.getByRole('form', { name: 'Rehearse Our planning day' });
    const count = within(form).getByLabelText(/^Simulated participants/) as HTMLInputElement;
    expect(count.value).toBe('8');
    fireEvent.change(count, { target: { value: '0' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Start the rehearsal' }));
    expect(within(form).getByRole('alert').textContent).toBe('A rehearsal has from 1 to 50 simulated participants: give a whole number in that range.');
    expect(onStart).not.toHaveBeenCalled();
    fireEvent.change(count, { target: { value: '12' } });
    fireEvent.change(within(form).getByLabelText(/^Pace/), { target: { value: '61' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Start the rehearsal' }));
    expect(within(form).getByRole('alert').textContent).toBe('The pace is from 1 to 60 actions a minute for each simulated participant: give a whole number in that range.');
    fireEvent.change(within(form).getByLabelText(/^Pace/), { target: { value: '20' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Start the rehearsal' }));
    await waitFor(() => expect(onStart).toHaveBeenCalledWith('our-day-abc123', { participants: 12, pace: 20 }));
    fireEvent.click(within(form).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form', { name: 'Rehearse Our planning day' })).toBeNull();
  });
});
