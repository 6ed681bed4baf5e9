// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { GroupPicker, type PickableGroup } from '../../client/modules/workgroup/GroupPicker.js';
import { ReportOutEditor } from '../../client/modules/workgroup/ReportOutEditor.js';
import { GroupCard, type GroupCardProps } from '../../client/modules/workgroup/GroupCard.js';
import { GroupsOverview, type OverviewRow } from '../../client/modules/workgroup/GroupsOverview.js';
import type { ReportAnswer, ReportField, WorkGroup } from '../../shared/modules/workgroup/workgroup.state.js';
import { idleTimer } from '../../shared/session/timer.js';

afterEach(cleanup);

describe('GroupPicker (a phone in no group)', () => {
  const groups: PickableGroup[] = [
    { id: 'g1', name: 'Safety', theme: 'Safety of children in care', count: 4, capacity: 6 },
    { id: 'g2', name: 'Permanency', theme: 'Permanency', count: 6, capacity: 6 },
    { id: 'g3', name: 'Well-being', theme: null, count: 2, capacity: null },
  ];

  it('shows each group with its room; a full group is disabled and says why; a tap joins', () => {
    const onJoin = vi.fn();
    render(<GroupPicker groups={groups} selfSelect onJoin={onJoin} />);
    const safety = screen.getByRole('button', { name: 'Join Safety' });
    expect(safety.textContent).toContain('Safety of children in care');
    expect(safety.textContent).toContain('4 of 6');
    const full = screen.getByRole('button', { name: 'Join Permanency' }) as HTMLButtonElement;
    expect(full.disabled).toBe(true);
    expect(full.textContent).toContain('6 of 6 · Full: ask the facilitator to move you');
    // The reason is the button's description for a screen reader too.
    expect(document.getElementById(full.getAttribute('aria-describedby') ?? '')?.textContent).toContain('Full');
    expect(screen.getByRole('button', { name: 'Join Well-being' }).textContent).toContain('2 members');
    fireEvent.click(full);
    expect(onJoin).not.toHaveBeenCalled();
    fireEvent.click(safety);
    expect(onJoin).toHaveBeenCalledWith('g1');
  });

  it('when the facilitator assigns, no group can be picked and the phone says so', () => {
    render(<GroupPicker groups={groups} selfSelect={false} onJoin={vi.fn()} />);
    expect(screen.getByText('The facilitator will assign you to a work group.')).toBeInstanceOf(HTMLElement);
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });

  it('before there are groups it says they are not made yet', () => {
    render(<GroupPicker groups={[]} selfSelect onJoin={vi.fn()} />);
    expect(screen.getByText(/has not made the work groups yet/)).toBeInstanceOf(HTMLElement);
  });
});

describe('ReportOutEditor (the four fields of a group\'s report-out)', () => {
  const answer = (id: string, field: ReportField, text: string, authorId: string): ReportAnswer => ({ id, workGroupId: 'g1', field, text, authorId, authorName: authorId, createdAt: 1 });
  const answers: Record<ReportField, ReportAnswer[]> = {
    recommendations: [answer('a1', 'recommendations', 'Hire two more caseworkers', 'ana'), answer('a2', 'recommendations', 'Monthly family team meetings', 'ben')],
    information: [],
    stakeholders: [answer('a3', 'stakeholders', 'Tribal partners', 'ben')],
    assistance: [],
  };
  const setup = (canChange: (a: ReportAnswer) => boolean) => {
    const props = { answers, canChange, onAdd: vi.fn(), onEdit: vi.fn(), onRemove: vi.fn() };
    render(<ReportOutEditor {...props} />);
    return props;
  };

  it('every field in the seed\'s words with its count; adding trims and refuses an empty entry in our words', () => {
    const props = setup(() => false);
    const recs = screen.getByRole('region', { name: 'Basic recommendations' });
    expect(within(recs).getByRole('heading').textContent).toBe('Basic recommendations (2)');
    expect(screen.getByRole('region', { name: 'Additional information the work group needs' })).toBeInstanceOf(HTMLElement);
    expect(screen.getByRole('region', { name: 'Other stakeholders who should be involved in this work' })).toBeInstanceOf(HTMLElement);
    const ta = screen.getByRole('region', { name: 'Technical-assistance needs' });
    const box = within(ta).getByLabelText('Add to: Technical-assistance needs');
    fireEvent.click(within(ta).getByRole('button', { name: 'Add' }));
    expect(within(ta).getByRole('alert').textContent).toBe('An entry cannot be empty.');
    expect(props.onAdd).not.toHaveBeenCalled();
    fireEvent.change(box, { target: { value: '  Data dashboards training  ' } });
    fireEvent.click(within(ta).getByRole('button', { name: 'Add' }));
    expect(props.onAdd).toHaveBeenCalledWith('assistance', 'Data dashboards training');
    expect((box as HTMLTextAreaElement).value).toBe('');
  });

  it('a member changes only what they may: the leader every entry, an author their own', () => {
    setup((a) => a.authorId === 'ben');
    expect(screen.queryByRole('button', { name: 'Edit "Hire two more caseworkers"' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Edit "Monthly family team meetings"' })).toBeInstanceOf(HTMLElement);
    cleanup();
    const props = setup(() => true);
    fireEvent.click(screen.getByRole('button', { name: 'Edit "Hire two more caseworkers"' }));
    const edit = screen.getByLabelText('Edit entry');
    fireEvent.change(edit, { target: { value: 'Hire three more caseworkers' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(props.onEdit).toHaveBeenCalledWith('a1', 'Hire three more caseworkers');
    fireEvent.click(screen.getByRole('button', { name: 'Remove "Tribal partners"' }));
    expect(props.onRemove).toHaveBeenCalledWith('a3');
  });
});

describe('GroupsOverview (every group at a glance on the console)', () => {
  const g = (id: string, name: string, over: Partial<WorkGroup> = {}): WorkGroup => ({ id, name, themeId: null, leaderId: null, capacity: null, timer: null, strategyOrder: [], readyAt: null, ...over });
  const rows: OverviewRow[] = [
    { group: g('g1', 'Safety', { readyAt: 5 }), theme: 'Safety of children in care', members: 4, capacity: 6, fill: { recommendations: 3, information: 0, stakeholders: 1, assistance: 0 }, timer: idleTimer('item', 20) },
    { group: g('g2', 'Permanency', { timer: { status: 'paused', durationMs: 600_000, endsAt: null, remainingMs: 300_000 } }), theme: null, members: 7, capacity: 6, fill: { recommendations: 0, information: 2, stakeholders: 0, assistance: 1 }, timer: { itemId: 'item', status: 'paused', durationMs: 600_000, endsAt: null, remainingMs: 300_000, runningSince: null } },
  ];

  it('one row per group: room, the fill per field, ready or writing, and its time left', () => {
    render(<GroupsOverview rows={rows} now={() => 0} />);
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Group', 'Recommendations', 'Information', 'Stakeholders', 'Assistance', 'Time left']);
    const safety = screen.getByRole('row', { name: 'Safety: Recommendations 3 · Information 0 · Stakeholders 1 · Assistance 0' });
    expect(within(safety).getAllByRole('cell').map((c) => c.textContent)).toEqual(['3', '0', '1', '0', '20:00Not started']);
    expect(within(safety).getByRole('rowheader').textContent).toBe('Ready Safety · Safety of children in care (4 of 6)');
    const perm = screen.getByRole('row', { name: /^Permanency:/ });
    expect(within(perm).getByText('Writing')).toBeInstanceOf(HTMLElement);
    expect(within(perm).getByRole('timer').getAttribute('aria-label')).toBe('Countdown 5:00, paused');
    expect(within(perm).getByText('own timer')).toBeInstanceOf(HTMLElement);
    expect(within(perm).getByText('(7 of 6)').className).toContain('wg-room--over');
  });
});

describe('GroupCard (one group on the console)', () => {
  const group: WorkGroup = { id: 'g1', name: 'Safety', themeId: 't1', leaderId: 'p2', capacity: null, timer: null, strategyOrder: [], readyAt: null };
  const card = (over: Partial<GroupCardProps> = {}) => {
    const props: GroupCardProps = {
      group,
      theme: 'Safety of children in care',
      members: [
        { id: 'p1', name: 'Ana' },
        { id: 'p2', name: 'Ben' },
      ],
      capacity: 6,
      others: [{ id: 'g2', name: 'Permanency' }],
      boardHref: '/board/ABC123?group=g1',
      itemId: 'item',
      onCommand: vi.fn(),
      ...over,
    };
    render(<GroupCard {...props} />);
    return props;
  };

  it('shows name, theme, room and members with the leader; over capacity in words', () => {
    card();
    const article = screen.getByRole('article', { name: 'Safety' });
    expect(article.textContent).toContain('Safety of children in care');
    expect(article.textContent).toContain('2 of 6');
    cleanup();
    card({ capacity: 1 });
    expect(screen.getByText('2 of 1 · over capacity')).toBeInstanceOf(HTMLElement);
  });

  it('moves a member with keyboard-usable menus (who, where, then Move), to another group or to none', () => {
    const props = card();
    const move = screen.getByRole('button', { name: 'Move from Safety' }) as HTMLButtonElement;
    fireEvent.change(screen.getByLabelText('Member of Safety to move'), { target: { value: 'p1' } });
    expect(move.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Move to'), { target: { value: 'g2' } });
    expect(props.onCommand).not.toHaveBeenCalled();
    fireEvent.click(move);
    expect(props.onCommand).toHaveBeenLastCalledWith({ type: 'workgroup.assign', payload: { participantId: 'p1', workGroupId: 'g2' } });
    fireEvent.change(screen.getByLabelText('Member of Safety to move'), { target: { value: 'p2' } });
    fireEvent.change(screen.getByLabelText('Move to'), { target: { value: 'none' } });
    fireEvent.click(move);
    expect(props.onCommand).toHaveBeenLastCalledWith({ type: 'workgroup.assign', payload: { participantId: 'p2', workGroupId: null } });
  });

  it('picks the leader among the members, and takes it back', () => {
    const props = card();
    expect(screen.getByLabelText('Members of Safety').textContent).toBe('Ana, Ben (leader)');
    const leader = screen.getByLabelText('Leader of Safety') as HTMLSelectElement;
    const set = screen.getByRole('button', { name: 'Set the leader of Safety' }) as HTMLButtonElement;
    expect(leader.value).toBe('p2');
    expect(set.disabled).toBe(true);
    fireEvent.change(leader, { target: { value: 'p1' } });
    fireEvent.click(set);
    expect(props.onCommand).toHaveBeenLastCalledWith({ type: 'workgroup.setLeader', payload: { workGroupId: 'g1', participantId: 'p1' } });
    fireEvent.change(leader, { target: { value: '' } });
    fireEvent.click(set);
    expect(props.onCommand).toHaveBeenLastCalledWith({ type: 'workgroup.setLeader', payload: { workGroupId: 'g1', participantId: null } });
  });

  it('opens its timer, message, rename, capacity and merge; a warning reaches this group only', () => {
    const props = card();
    fireEvent.click(screen.getByRole('button', { name: 'Timer, message, rename, capacity, merge' }));
    fireEvent.click(screen.getByRole('button', { name: 'Warn Safety: 5 minutes left' }));
    expect(props.onCommand).toHaveBeenLastCalledWith({ type: 'workgroup.message', payload: { workGroupId: 'g1', text: '5 minutes left', warning: true } });
    fireEvent.change(screen.getByLabelText('Own timer, minutes'), { target: { value: '15' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    expect(props.onCommand).toHaveBeenLastCalledWith({ type: 'workgroup.timer', payload: { workGroupId: 'g1', action: 'start', minutes: 15 } });
    fireEvent.change(screen.getByLabelText('Capacity'), { target: { value: 'six' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set' }));
    expect(screen.getByRole('alert').textContent).toContain('Capacity is a whole number');
    fireEvent.change(screen.getByLabelText('Capacity'), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set' }));
    expect(props.onCommand).toHaveBeenLastCalledWith({ type: 'workgroup.setCapacity', payload: { workGroupId: 'g1', capacity: 5 } });
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    fireEvent.change(screen.getByLabelText('Merge into'), { target: { value: 'g2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Merge' }));
    expect(props.onCommand).toHaveBeenLastCalledWith({ type: 'workgroup.mergeGroups', payload: { workGroupId: 'g1', intoId: 'g2' } });
  });
});
