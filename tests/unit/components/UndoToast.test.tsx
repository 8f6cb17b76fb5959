// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { UndoToast } from '../../../components/card/UndoToast';
import { expectNoInjectedElements, HOSTILE } from './helpers';

describe('UndoToast', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  it('shows the message as a status with an Undo button', () => {
    render(<UndoToast message="Interaction deleted." onUndo={() => {}} onDismiss={() => {}} />);
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('Interaction deleted.Undo');
    expect(screen.getByRole('button', { name: 'Undo' })).toBeTruthy();
  });

  it('dismisses itself after ten seconds by default', () => {
    const onDismiss = vi.fn();
    render(<UndoToast message="Interaction deleted." onUndo={() => {}} onDismiss={onDismiss} />);
    vi.advanceTimersByTime(9_999);
    expect(onDismiss).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });

  it('uses the given time', () => {
    const onDismiss = vi.fn();
    render(<UndoToast message="Gone." onUndo={() => {}} onDismiss={onDismiss} ms={3_000} />);
    vi.advanceTimersByTime(2_999);
    expect(onDismiss).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });

  it('Undo calls onUndo, not onDismiss', () => {
    const onUndo = vi.fn();
    const onDismiss = vi.fn();
    render(<UndoToast message="Interaction deleted." onUndo={onUndo} onDismiss={onDismiss} />);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(onUndo).toHaveBeenCalledTimes(1);
    expect(onDismiss).not.toHaveBeenCalled();
  });

  it('restarts the timer for a new message', () => {
    const onDismiss = vi.fn();
    const { rerender } = render(<UndoToast message="First deleted." onUndo={() => {}} onDismiss={onDismiss} />);
    vi.advanceTimersByTime(8_000);
    rerender(<UndoToast message="Second deleted." onUndo={() => {}} onDismiss={onDismiss} />);
    vi.advanceTimersByTime(8_000);
    expect(onDismiss).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2_000);
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });

  it('does not fire after it is gone', () => {
    const onDismiss = vi.fn();
    const { unmount } = render(<UndoToast message="Interaction deleted." onUndo={() => {}} onDismiss={onDismiss} />);
    unmount();
    vi.advanceTimersByTime(20_000);
    expect(onDismiss).not.toHaveBeenCalled();
  });

  it('renders a hostile message as text', () => {
    render(<UndoToast message={HOSTILE.img} onUndo={() => {}} onDismiss={() => {}} />);
    expectNoInjectedElements();
    expect(screen.getByText(HOSTILE.img)).toBeTruthy();
  });
});
