// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { StatementEditor, type StatementEditorProps } from '../../client/modules/vision/StatementEditor.js';
import { RoundDistribution } from '../../client/modules/vision/FistDistribution.js';
import { ContextDisplay } from '../../client/modules/vision/ContextDisplay.js';
import type { FistRound } from '../../shared/modules/vision/vision.state.js';

afterEach(cleanup);

const editor = (over: Partial<StatementEditorProps> = {}) => {
  const props: StatementEditorProps = {
    draft: 'Every child safe',
    isFinal: false,
    hasRound: false,
    roundOpen: false,
    onDraft: vi.fn(),
    onAsk: vi.fn(),
    onClose: vi.fn(),
    onFinalize: vi.fn(),
    ...over,
  };
  render(<StatementEditor {...props} />);
  return props;
};
const textbox = () => screen.getByLabelText('Preferred-future statement') as HTMLTextAreaElement;

describe('StatementEditor (the console\'s statement and its rounds)', () => {
  it('asks with the distribution shown, or hidden when the facilitator ticks the box', () => {
    const props = editor();
    fireEvent.click(screen.getByRole('button', { name: 'Ask fist-to-five' }));
    expect(props.onAsk).toHaveBeenLastCalledWith(false);
    fireEvent.click(screen.getByLabelText('Hide the answers from the board and phones until the round closes'));
    fireEvent.click(screen.getByRole('button', { name: 'Ask fist-to-five' }));
    expect(props.onAsk).toHaveBeenLastCalledWith(true);
    expect(textbox().disabled).toBe(false);
    expect(screen.queryByRole('button', { name: 'Close this round' })).toBeNull();
  });

  it('while a round is open: the statement is fixed, and the one button closes the round', () => {
    const props = editor({ hasRound: true, roundOpen: true });
    expect(textbox().disabled).toBe(true);
    expect(screen.getByText('A fist-to-five round is open: close it to revise the statement.')).toBeInstanceOf(HTMLElement);
    expect(screen.queryByRole('button', { name: 'Ask fist-to-five' })).toBeNull();
    expect(screen.queryByLabelText(/Hide the answers/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Close this round' }));
    expect(props.onClose).toHaveBeenCalledTimes(1);
    expect(props.onAsk).not.toHaveBeenCalled();
  });
});

describe('RoundDistribution (a round for the room)', () => {
  const round = (over: Partial<FistRound>): FistRound => ({ id: 'r', statement: 'S', distribution: [0, 0, 1, 2, 0, 0], answers: {}, closed: false, ...over });
  it('withholds a hidden round until it closes, then shows its answers', () => {
    render(<RoundDistribution round={round({ hidden: true })} layout="board" />);
    expect(screen.getByText('The answers show here when the round closes.')).toBeInstanceOf(HTMLElement);
    expect(screen.queryByText(/answers ·/)).toBeNull();
    cleanup();
    render(<RoundDistribution round={round({ hidden: true, closed: true })} layout="board" />);
    expect(screen.getByText('3 answers · 2 at 3 or more (67%)')).toBeInstanceOf(HTMLElement);
    cleanup();
    render(<RoundDistribution round={round({})} layout="phone" />);
    expect(screen.getByText('3 answers · 2 at 3 or more (67%)')).toBeInstanceOf(HTMLElement);
  });
});

describe('ContextDisplay (the session\'s context on a vision item)', () => {
  it('shows what was entered and the carried items, or says nothing was entered', () => {
    render(<ContextDisplay mission="Protect children" vision="" values="Respect" carried={['Strong courts (Strengths, 3 dots)']} layout="console" />);
    expect(screen.getByText('Protect children')).toBeInstanceOf(HTMLElement);
    expect(screen.queryByRole('heading', { name: 'Vision' })).toBeNull();
    expect(screen.getByText('Strong courts (Strengths, 3 dots)')).toBeInstanceOf(HTMLElement);
    cleanup();
    render(<ContextDisplay mission="" vision="" values="" carried={[]} layout="phone" />);
    expect(screen.getByText('No mission, vision or values entered yet.')).toBeInstanceOf(HTMLElement);
  });
});
