// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { VotePanel } from '../../client/modules/flow/VotePanel.js';
import { swotColumns } from './flowFixtures.js';

afterEach(cleanup);

const add = (label: string) => screen.getByRole('button', { name: `Add a dot to ${label}` }) as HTMLButtonElement;
const takeBack = (label: string) => screen.getByRole('button', { name: `Take a dot back from ${label}` }) as HTMLButtonElement;

describe('VotePanel (the phone dot vote)', () => {
  it('lists every group and loose note with its own + and − buttons and says how many dots are left', () => {
    const { columns } = swotColumns();
    render(<VotePanel columns={columns} mine={{ 'group:g1': 2 }} dotsPerPerson={5} maxPerItem={3} onDot={() => {}} />);
    expect(screen.getByText('3 of 5 dots left')).toBeInstanceOf(HTMLElement);
    expect(add('Our people')).toBeInstanceOf(HTMLElement);
    expect(add('Strong court partnership')).toBeInstanceOf(HTMLElement);
    expect(add('High turnover')).toBeInstanceOf(HTMLElement);
    // Notes inside a group are voted on through the group, not one by one.
    expect(screen.queryByRole('button', { name: /Add a dot to Staff care/ })).toBeNull();
    expect(screen.getByText(/Your dots: 2/)).toBeInstanceOf(HTMLElement);
  });

  it('calls back with the right target and delta', () => {
    const { columns } = swotColumns();
    const onDot = vi.fn();
    render(<VotePanel columns={columns} mine={{ 'note:c': 1 }} dotsPerPerson={5} maxPerItem={3} onDot={onDot} />);
    fireEvent.click(add('Our people'));
    expect(onDot).toHaveBeenLastCalledWith({ kind: 'group', id: 'g1' }, 1);
    fireEvent.click(add('High turnover'));
    expect(onDot).toHaveBeenLastCalledWith({ kind: 'note', id: 'd' }, 1);
    fireEvent.click(takeBack('Strong court partnership'));
    expect(onDot).toHaveBeenLastCalledWith({ kind: 'note', id: 'c' }, -1);
    expect(onDot).toHaveBeenCalledTimes(3);
  });

  it('disables taking back where the voter has no dot', () => {
    const { columns } = swotColumns();
    render(<VotePanel columns={columns} mine={{}} dotsPerPerson={5} maxPerItem={3} onDot={() => {}} />);
    expect(takeBack('Our people').disabled).toBe(true);
    expect(add('Our people').disabled).toBe(false);
    expect(screen.getByText('5 of 5 dots left')).toBeInstanceOf(HTMLElement);
  });

  it('disables adding on an item that has the maximum per item', () => {
    const { columns } = swotColumns();
    render(<VotePanel columns={columns} mine={{ 'group:g1': 3 }} dotsPerPerson={5} maxPerItem={3} onDot={() => {}} />);
    expect(add('Our people').disabled).toBe(true);
    expect(takeBack('Our people').disabled).toBe(false);
    expect(add('High turnover').disabled).toBe(false);
  });

  it('disables every + once all dots are used, but still allows taking one back', () => {
    const { columns } = swotColumns();
    const onDot = vi.fn();
    render(<VotePanel columns={columns} mine={{ 'group:g1': 2, 'note:d': 1 }} dotsPerPerson={3} maxPerItem={3} onDot={onDot} />);
    expect(screen.getByText('0 of 3 dots left')).toBeInstanceOf(HTMLElement);
    for (const label of ['Our people', 'Strong court partnership', 'High turnover']) expect(add(label).disabled).toBe(true);
    fireEvent.click(add('High turnover'));
    expect(onDot).not.toHaveBeenCalled();
    fireEvent.click(takeBack('High turnover'));
    expect(onDot).toHaveBeenCalledWith({ kind: 'note', id: 'd' }, -1);
  });
});
