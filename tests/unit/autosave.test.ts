import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosaver, type SaveState } from '../../utils/autosave';

interface Deferred {
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** A save whose calls stay in flight until the test settles them. */
function controlledSave() {
  const calls: Deferred[] = [];
  const save = vi.fn(
    (_text: string) =>
      new Promise<void>((resolve, reject) => {
        calls.push({ resolve, reject });
      }),
  );
  return { save, calls };
}

function setup(initial: string, save: (text: string) => Promise<void>, options: { delayMs?: number; retryMs?: number } = {}) {
  const states: SaveState[] = [];
  const onState = vi.fn((state: SaveState, _error?: unknown) => {
    states.push(state);
  });
  const saver = createAutosaver(initial, { save, onState, ...options });
  return { saver, states, onState };
}

/** Lets settled promises run their callbacks without moving the clock. */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('createAutosaver', () => {
  it('starts saved and clean, without reporting a state', () => {
    const { saver, onState } = setup('hello', vi.fn(async () => {}));
    expect(saver.state).toBe('saved');
    expect(saver.dirty).toBe(false);
    expect(onState).not.toHaveBeenCalled();
  });

  it('saves only the latest text, once, after the user pauses', async () => {
    const save = vi.fn(async (_text: string) => {});
    const { saver, states } = setup('', save);
    saver.change('h');
    await vi.advanceTimersByTimeAsync(200);
    saver.change('he');
    await vi.advanceTimersByTimeAsync(200);
    saver.change('hey');
    expect(saver.dirty).toBe(true);
    expect(saver.state).toBe('unsaved');
    await vi.advanceTimersByTimeAsync(399);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith('hey');
    expect(saver.state).toBe('saved');
    expect(saver.dirty).toBe(false);
    expect(states).toEqual(['unsaved', 'saving', 'saved']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('honours a custom delay', async () => {
    const save = vi.fn(async (_text: string) => {});
    const { saver } = setup('', save, { delayMs: 50 });
    saver.change('x');
    await vi.advanceTimersByTimeAsync(49);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledWith('x');
  });

  it('reports saving while the save is in flight', async () => {
    const { save, calls } = controlledSave();
    const { saver, states } = setup('', save);
    saver.change('a');
    await vi.advanceTimersByTimeAsync(400);
    expect(saver.state).toBe('saving');
    expect(saver.dirty).toBe(true);
    calls[0]!.resolve();
    await settle();
    expect(saver.state).toBe('saved');
    expect(saver.dirty).toBe(false);
    expect(states).toEqual(['unsaved', 'saving', 'saved']);
  });

  describe('typing during an in-flight save', () => {
    it('leads to exactly one more save, of the newest text, when the debounce ends first', async () => {
      const { save, calls } = controlledSave();
      const { saver, states } = setup('', save);
      saver.change('a');
      await vi.advanceTimersByTimeAsync(400);
      expect(save).toHaveBeenCalledTimes(1);
      saver.change('ab');
      saver.change('abc');
      expect(saver.state).toBe('unsaved');
      // The debounce ends while the first save is still in flight: no overlapping save
      await vi.advanceTimersByTimeAsync(1_000);
      expect(save).toHaveBeenCalledTimes(1);
      calls[0]!.resolve();
      await settle();
      expect(save).toHaveBeenCalledTimes(2);
      expect(save).toHaveBeenLastCalledWith('abc');
      expect(saver.state).toBe('saving');
      calls[1]!.resolve();
      await settle();
      expect(saver.state).toBe('saved');
      await vi.advanceTimersByTimeAsync(60_000);
      expect(save).toHaveBeenCalledTimes(2);
      expect(states).toEqual(['unsaved', 'saving', 'unsaved', 'saving', 'saved']);
    });

    it('leads to exactly one more save, of the newest text, when the save ends first', async () => {
      const { save, calls } = controlledSave();
      const { saver } = setup('', save);
      saver.change('a');
      await vi.advanceTimersByTimeAsync(400);
      saver.change('ab');
      await vi.advanceTimersByTimeAsync(100);
      saver.change('abc');
      calls[0]!.resolve();
      await settle();
      expect(save).toHaveBeenCalledTimes(2);
      expect(save).toHaveBeenLastCalledWith('abc');
      calls[1]!.resolve();
      await vi.advanceTimersByTimeAsync(60_000);
      expect(save).toHaveBeenCalledTimes(2);
      expect(saver.state).toBe('saved');
      expect(saver.dirty).toBe(false);
    });

    it('saves the text typed back to what was stored before the save in flight', async () => {
      const { save, calls } = controlledSave();
      const { saver } = setup('draft', save);
      saver.change('draft!');
      await vi.advanceTimersByTimeAsync(400);
      expect(save).toHaveBeenLastCalledWith('draft!');
      // Undo while "draft!" is being stored: "draft" must be stored again afterwards
      saver.change('draft');
      expect(saver.dirty).toBe(true);
      calls[0]!.resolve();
      await settle();
      expect(save).toHaveBeenCalledTimes(2);
      expect(save).toHaveBeenLastCalledWith('draft');
      calls[1]!.resolve();
      await settle();
      expect(saver.state).toBe('saved');
      expect(saver.dirty).toBe(false);
    });
  });

  describe('flush', () => {
    it('saves immediately, without waiting for the debounce', async () => {
      const save = vi.fn(async (_text: string) => {});
      const { saver, states } = setup('', save);
      saver.change('note');
      await saver.flush();
      expect(save).toHaveBeenCalledTimes(1);
      expect(save).toHaveBeenCalledWith('note');
      expect(saver.state).toBe('saved');
      expect(states).toEqual(['unsaved', 'saving', 'saved']);
      // The debounce timer was cancelled: no second save
      await vi.advanceTimersByTimeAsync(60_000);
      expect(save).toHaveBeenCalledTimes(1);
    });

    it('does nothing when nothing changed', async () => {
      const save = vi.fn(async (_text: string) => {});
      const { saver, onState } = setup('note', save);
      await saver.flush();
      expect(save).not.toHaveBeenCalled();
      expect(onState).not.toHaveBeenCalled();
      expect(saver.state).toBe('saved');
    });

    it('waits for the save in flight, then saves the newest text', async () => {
      const { save, calls } = controlledSave();
      const { saver } = setup('', save);
      saver.change('a');
      await vi.advanceTimersByTimeAsync(400);
      saver.change('ab');
      let flushed = false;
      const flushing = saver.flush().then(() => (flushed = true));
      await settle();
      expect(save).toHaveBeenCalledTimes(1);
      expect(flushed).toBe(false);
      calls[0]!.resolve();
      await settle();
      expect(save).toHaveBeenCalledTimes(2);
      expect(save).toHaveBeenLastCalledWith('ab');
      expect(flushed).toBe(false);
      calls[1]!.resolve();
      await flushing;
      expect(flushed).toBe(true);
      expect(saver.state).toBe('saved');
      await vi.advanceTimersByTimeAsync(60_000);
      expect(save).toHaveBeenCalledTimes(2);
    });

    it('concurrent flushes start a single save', async () => {
      const save = vi.fn(async (_text: string) => {});
      const { saver } = setup('', save);
      saver.change('a');
      await Promise.all([saver.flush(), saver.flush(), saver.flush()]);
      expect(save).toHaveBeenCalledTimes(1);
      expect(save).toHaveBeenCalledWith('a');
    });
  });

  describe('failures', () => {
    it('sets state error and retries with backoff until a save succeeds', async () => {
      const boom = new Error('worker restarting');
      let failuresLeft = 3;
      const save = vi.fn(async (_text: string) => {
        if (failuresLeft-- > 0) throw boom;
      });
      const { saver, states, onState } = setup('', save);
      saver.change('precious');
      await vi.advanceTimersByTimeAsync(400);
      expect(save).toHaveBeenCalledTimes(1);
      expect(saver.state).toBe('error');
      expect(saver.dirty).toBe(true);
      expect(onState).toHaveBeenLastCalledWith('error', boom);

      // 1 s, then 2 s, then 4 s
      await vi.advanceTimersByTimeAsync(999);
      expect(save).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(save).toHaveBeenCalledTimes(2);
      await vi.advanceTimersByTimeAsync(1_999);
      expect(save).toHaveBeenCalledTimes(2);
      await vi.advanceTimersByTimeAsync(1);
      expect(save).toHaveBeenCalledTimes(3);
      await vi.advanceTimersByTimeAsync(3_999);
      expect(save).toHaveBeenCalledTimes(3);
      await vi.advanceTimersByTimeAsync(1);
      expect(save).toHaveBeenCalledTimes(4);

      for (const call of save.mock.calls) expect(call).toEqual(['precious']);
      expect(saver.state).toBe('saved');
      expect(saver.dirty).toBe(false);
      expect(states).toEqual(['unsaved', 'saving', 'error', 'saving', 'error', 'saving', 'error', 'saving', 'saved']);
      await vi.advanceTimersByTimeAsync(120_000);
      expect(save).toHaveBeenCalledTimes(4);
    });

    it('reports each failure, with its error', async () => {
      const errors = [new Error('first'), new Error('second')];
      let n = 0;
      const save = vi.fn(async (_text: string) => {
        if (n < errors.length) throw errors[n++];
      });
      const { saver, onState } = setup('', save);
      saver.change('x');
      await vi.advanceTimersByTimeAsync(400);
      await vi.advanceTimersByTimeAsync(1_000);
      const errorCalls = onState.mock.calls.filter(([state]) => state === 'error');
      expect(errorCalls).toEqual([
        ['error', errors[0]],
        ['error', errors[1]],
      ]);
    });

    it('caps the backoff at 30 seconds', async () => {
      const save = vi.fn(async (_text: string) => {
        throw new Error('down');
      });
      const { saver } = setup('', save, { retryMs: 10_000 });
      saver.change('x');
      await vi.advanceTimersByTimeAsync(400);
      expect(save).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(10_000); // 10 s
      expect(save).toHaveBeenCalledTimes(2);
      await vi.advanceTimersByTimeAsync(20_000); // 20 s
      expect(save).toHaveBeenCalledTimes(3);
      await vi.advanceTimersByTimeAsync(29_999); // 40 s, capped to 30 s
      expect(save).toHaveBeenCalledTimes(3);
      await vi.advanceTimersByTimeAsync(1);
      expect(save).toHaveBeenCalledTimes(4);
      await vi.advanceTimersByTimeAsync(30_000);
      expect(save).toHaveBeenCalledTimes(5);
      saver.stop();
    });

    it('starts the backoff afresh after a success', async () => {
      let fail = true;
      const save = vi.fn(async (_text: string) => {
        if (fail) throw new Error('down');
      });
      const { saver } = setup('', save);
      saver.change('a');
      await vi.advanceTimersByTimeAsync(400); // fails
      fail = false;
      await vi.advanceTimersByTimeAsync(1_000); // succeeds
      expect(saver.state).toBe('saved');
      fail = true;
      saver.change('ab');
      await vi.advanceTimersByTimeAsync(400); // fails
      expect(save).toHaveBeenCalledTimes(3);
      await vi.advanceTimersByTimeAsync(1_000); // the first retry again, not the third
      expect(save).toHaveBeenCalledTimes(4);
      saver.stop();
    });

    it('keeps the error state while the user types on, and saves the newest text', async () => {
      let fail = true;
      const save = vi.fn(async (_text: string) => {
        if (fail) throw new Error('down');
      });
      const { saver } = setup('', save);
      saver.change('a');
      await vi.advanceTimersByTimeAsync(400);
      expect(saver.state).toBe('error');
      saver.change('ab');
      expect(saver.state).toBe('error');
      fail = false;
      await vi.advanceTimersByTimeAsync(400);
      expect(save).toHaveBeenLastCalledWith('ab');
      expect(saver.state).toBe('saved');
    });

    it('flush retries at once after a failure', async () => {
      let fail = true;
      const save = vi.fn(async (_text: string) => {
        if (fail) throw new Error('down');
      });
      const { saver } = setup('', save);
      saver.change('a');
      await saver.flush();
      expect(saver.state).toBe('error');
      fail = false;
      await saver.flush();
      expect(save).toHaveBeenCalledTimes(2);
      expect(saver.state).toBe('saved');
      await vi.advanceTimersByTimeAsync(60_000);
      expect(save).toHaveBeenCalledTimes(2);
    });

    it('stops retrying once stopped', async () => {
      const save = vi.fn(async (_text: string) => {
        throw new Error('down');
      });
      const { saver } = setup('', save);
      saver.change('a');
      await vi.advanceTimersByTimeAsync(400);
      expect(save).toHaveBeenCalledTimes(1);
      saver.stop();
      await vi.advanceTimersByTimeAsync(120_000);
      expect(save).toHaveBeenCalledTimes(1);
    });

    it('does not schedule a retry for a save that fails after stop', async () => {
      const { save, calls } = controlledSave();
      const { saver } = setup('', save);
      saver.change('a');
      await vi.advanceTimersByTimeAsync(400);
      saver.stop();
      calls[0]!.reject(new Error('down'));
      await vi.advanceTimersByTimeAsync(120_000);
      expect(save).toHaveBeenCalledTimes(1);
      expect(saver.state).toBe('error');
    });
  });

  it('stop cancels a pending debounced save', async () => {
    const save = vi.fn(async (_text: string) => {});
    const { saver } = setup('', save);
    saver.change('a');
    saver.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(save).not.toHaveBeenCalled();
  });

  describe('acceptRemote', () => {
    it('is accepted when nothing local is pending, and adopted as the stored text', async () => {
      const save = vi.fn(async (_text: string) => {});
      const { saver, onState } = setup('old', save);
      expect(saver.acceptRemote('from another tab')).toBe(true);
      expect(saver.dirty).toBe(false);
      expect(saver.state).toBe('saved');
      expect(onState).not.toHaveBeenCalled();
      // Typing the remote text is no change; typing the old one is
      saver.change('from another tab');
      await vi.advanceTimersByTimeAsync(60_000);
      expect(save).not.toHaveBeenCalled();
      saver.change('old');
      await vi.advanceTimersByTimeAsync(400);
      expect(save).toHaveBeenCalledWith('old');
    });

    it('is accepted after local edits have been saved', async () => {
      const save = vi.fn(async (_text: string) => {});
      const { saver } = setup('', save);
      saver.change('mine');
      await vi.advanceTimersByTimeAsync(400);
      expect(saver.acceptRemote('theirs')).toBe(true);
      expect(saver.dirty).toBe(false);
    });

    it('is refused while local edits are pending, and the local text is still saved', async () => {
      const save = vi.fn(async (_text: string) => {});
      const { saver } = setup('', save);
      saver.change('mine');
      expect(saver.acceptRemote('theirs')).toBe(false);
      expect(saver.dirty).toBe(true);
      await vi.advanceTimersByTimeAsync(400);
      expect(save).toHaveBeenCalledTimes(1);
      expect(save).toHaveBeenCalledWith('mine');
    });

    it('is refused while a save is in flight', async () => {
      const { save, calls } = controlledSave();
      const { saver } = setup('', save);
      saver.change('mine');
      await vi.advanceTimersByTimeAsync(400);
      expect(saver.acceptRemote('theirs')).toBe(false);
      calls[0]!.resolve();
      await settle();
      expect(saver.acceptRemote('mine, echoed back')).toBe(true);
    });

    it('is refused after a failed save, which is still retried with the local text', async () => {
      let fail = true;
      const save = vi.fn(async (_text: string) => {
        if (fail) throw new Error('down');
      });
      const { saver } = setup('', save);
      saver.change('mine');
      await vi.advanceTimersByTimeAsync(400);
      expect(saver.acceptRemote('theirs')).toBe(false);
      fail = false;
      await vi.advanceTimersByTimeAsync(1_000);
      expect(save).toHaveBeenLastCalledWith('mine');
      expect(saver.state).toBe('saved');
    });
  });

  describe('typing back to the saved text', () => {
    it('returns to saved without saving', async () => {
      const save = vi.fn(async (_text: string) => {});
      const { saver, states } = setup('hello', save);
      saver.change('hello!');
      expect(saver.state).toBe('unsaved');
      saver.change('hello');
      expect(saver.state).toBe('saved');
      expect(saver.dirty).toBe(false);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(save).not.toHaveBeenCalled();
      expect(states).toEqual(['unsaved', 'saved']);
    });

    it('also from the error state, cancelling the retry', async () => {
      const save = vi.fn(async (_text: string) => {
        throw new Error('down');
      });
      const { saver } = setup('hello', save);
      saver.change('hello!');
      await vi.advanceTimersByTimeAsync(400);
      expect(saver.state).toBe('error');
      saver.change('hello');
      expect(saver.state).toBe('saved');
      await vi.advanceTimersByTimeAsync(120_000);
      expect(save).toHaveBeenCalledTimes(1);
    });
  });

  it('reports each state once, not on every keystroke', () => {
    const { saver, states } = setup('', vi.fn(async () => {}));
    for (const text of ['a', 'ab', 'abc', 'abcd']) saver.change(text);
    expect(states).toEqual(['unsaved']);
  });
});
