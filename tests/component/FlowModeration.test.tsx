// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { VoteSettings } from '../../client/modules/flow/VoteSettings.js';
import { StepBack, stepBackQuestion } from '../../client/modules/flow/StepBack.js';

afterEach(cleanup);

describe('VoteSettings: lowering below what people placed', () => {
  const setup = (affected: number) => {
    const onSave = vi.fn();
    render(<VoteSettings dotsPerPerson={5} maxPerItem={3} onSave={onSave} affected={() => affected} />);
    fireEvent.change(screen.getByLabelText('Dots per person'), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save vote settings' }));
    return onSave;
  };

  it('asks first, saying how many people lose dots, and saves with trim only when confirmed', () => {
    const onSave = setup(2);
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByText(/2 people have placed more dots than 3 per person and 3 on one item/)).toBeInstanceOf(HTMLElement);
    fireEvent.click(screen.getByRole('button', { name: 'Lower the limits and take the dots back' }));
    expect(onSave).toHaveBeenCalledWith(3, 3, true);
  });

  it('cancelling saves nothing; nobody over the limit saves at once', () => {
    const onSave = setup(1);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onSave).not.toHaveBeenCalled();
    cleanup();
    expect(setup(0)).toHaveBeenCalledWith(3, 3);
  });
});

describe('StepBack', () => {
  it('from the vote offers to keep or clear the dots, saying how many were placed', () => {
    const onBack = vi.fn();
    render(<StepBack phase="vote" dotsPlaced={7} onBack={onBack} />);
    fireEvent.click(screen.getByRole('button', { name: 'Step back to Cluster' }));
    expect(screen.getByText(/7 dots have been placed/)).toBeInstanceOf(HTMLElement);
    fireEvent.click(screen.getByRole('button', { name: 'Go back, keep the dots' }));
    expect(onBack).toHaveBeenCalledWith('cluster', 'keep');
  });

  it('back to the brainstorm says the room has already seen the notes; nothing before the first step', () => {
    expect(stepBackQuestion('reveal', 0)).toContain('The room has already seen them.');
    const onBack = vi.fn();
    const { container } = render(<StepBack phase="brainstorm" dotsPlaced={0} onBack={onBack} />);
    expect(container.textContent).toBe('');
    cleanup();
    render(<StepBack phase="reveal" dotsPlaced={0} onBack={onBack} />);
    fireEvent.click(screen.getByRole('button', { name: 'Step back to Silent brainstorm' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onBack).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Step back to Silent brainstorm' }));
    fireEvent.click(screen.getByRole('button', { name: 'Go back to Silent brainstorm' }));
    expect(onBack).toHaveBeenCalledWith('brainstorm', undefined);
  });
});
