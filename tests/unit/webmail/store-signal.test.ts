// The "contacts changed" signal from the worker to the webmail content scripts, through a tiny
// key in storage.local (utils/webmail/store-signal.ts).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { signalStoreChanged, STORE_CHANGED_KEY, watchStoreChanged } from '../../../utils/webmail/store-signal';

type Listener = (changes: Record<string, unknown>, area: string) => void;

/** An onChanged event that records its listeners. */
function fakeEvent() {
  const listeners: Listener[] = [];
  return {
    listeners,
    addListener: (listener: Listener) => void listeners.push(listener),
    removeListener: (listener: Listener) => {
      const at = listeners.indexOf(listener);
      if (at >= 0) listeners.splice(at, 1);
    },
    emit: (changes: Record<string, unknown>, area: string) => {
      for (const listener of [...listeners]) listener(changes, area);
    },
  };
}

/**
 * A storage area like the browser's: `set` stores a copy and fires onChanged only for keys whose
 * value actually changed (Chrome stays silent when the same value is written again).
 */
function fakeStorage() {
  const onChanged = fakeEvent();
  const data = new Map<string, string>();
  const local = {
    set: vi.fn(async (items: Record<string, unknown>) => {
      const changes: Record<string, { oldValue?: unknown; newValue: unknown }> = {};
      for (const [key, value] of Object.entries(items)) {
        const json = JSON.stringify(value);
        if (data.get(key) === json) continue;
        const old = data.get(key);
        changes[key] = { ...(old === undefined ? {} : { oldValue: JSON.parse(old) }), newValue: JSON.parse(json) };
        data.set(key, json);
      }
      if (Object.keys(changes).length) onChanged.emit(changes, 'local');
    }),
  };
  return { local, onChanged, data };
}

const stored = (data: Map<string, string>) => JSON.parse(data.get(STORE_CHANGED_KEY)!) as { at: number; nonce: number; ids: number[] };

describe('signalStoreChanged', () => {
  it('writes the changed ids under the signal key', async () => {
    const { local, data } = fakeStorage();
    vi.spyOn(Date, 'now').mockReturnValue(1_736_931_600_000);
    await signalStoreChanged(local, [3, 1, 2]);
    expect(local.set).toHaveBeenCalledTimes(1);
    expect(Object.keys(local.set.mock.calls[0]![0])).toEqual([STORE_CHANGED_KEY]);
    expect(stored(data)).toEqual({ at: 1_736_931_600_000, nonce: expect.any(Number), ids: [3, 1, 2] });
  });

  it('writes a fresh value every time: two signals, two change events, even for the same ids at the same moment', async () => {
    const { local, onChanged } = fakeStorage();
    vi.spyOn(Date, 'now').mockReturnValue(1_736_931_600_000);
    const seen = vi.fn();
    watchStoreChanged(onChanged, seen);
    await signalStoreChanged(local, [1]);
    await signalStoreChanged(local, [1]);
    expect(seen).toHaveBeenCalledTimes(2);
    const [first, second] = local.set.mock.calls.map(([items]) => items[STORE_CHANGED_KEY]);
    expect(first).not.toEqual(second);
  });

  it('copes with an empty list of ids', async () => {
    const { local, data } = fakeStorage();
    await signalStoreChanged(local, []);
    expect(stored(data).ids).toEqual([]);
  });

  it('sends at most 200 ids and leaves the caller’s list alone', async () => {
    const { local, data } = fakeStorage();
    const ids = Array.from({ length: 500 }, (_, i) => i + 1);
    await signalStoreChanged(local, ids);
    expect(stored(data).ids).toEqual(ids.slice(0, 200));
    expect(ids).toHaveLength(500);
  });

  it('never rejects: a failing storage write is swallowed', async () => {
    const local = { set: vi.fn(async () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'))) };
    await expect(signalStoreChanged(local, [1])).resolves.toBeUndefined();
    expect(local.set).toHaveBeenCalledTimes(1);
  });
});

describe('watchStoreChanged', () => {
  it('calls back for the signal key in the local area', () => {
    const event = fakeEvent();
    const onChange = vi.fn();
    watchStoreChanged(event, onChange);
    expect(event.listeners).toHaveLength(1);
    event.emit({ [STORE_CHANGED_KEY]: { newValue: { at: 1, nonce: 0.5, ids: [1] } } }, 'local');
    expect(onChange).toHaveBeenCalledTimes(1);
    // Among other keys too.
    event.emit({ other: { newValue: 1 }, [STORE_CHANGED_KEY]: { newValue: {} } }, 'local');
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('ignores other keys and other areas', () => {
    const event = fakeEvent();
    const onChange = vi.fn();
    watchStoreChanged(event, onChange);
    event.emit({ other: { newValue: 1 } }, 'local');
    event.emit({}, 'local');
    event.emit({ [`${STORE_CHANGED_KEY}2`]: { newValue: 1 } }, 'local');
    event.emit({ [STORE_CHANGED_KEY]: { newValue: {} } }, 'session');
    event.emit({ [STORE_CHANGED_KEY]: { newValue: {} } }, 'sync');
    event.emit({ [STORE_CHANGED_KEY]: { newValue: {} } }, 'managed');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('does not mistake an inherited property for the key', () => {
    const event = fakeEvent();
    const onChange = vi.fn();
    watchStoreChanged(event, onChange);
    const changes = Object.create({ [STORE_CHANGED_KEY]: { newValue: {} } }) as Record<string, unknown>;
    event.emit(changes, 'local');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('stops calling back once unsubscribed, and only that watcher', () => {
    const event = fakeEvent();
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = watchStoreChanged(event, first);
    watchStoreChanged(event, second);
    expect(event.listeners).toHaveLength(2);
    stopFirst();
    expect(event.listeners).toHaveLength(1);
    event.emit({ [STORE_CHANGED_KEY]: { newValue: {} } }, 'local');
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
    // Unsubscribing twice is harmless.
    stopFirst();
    expect(event.listeners).toHaveLength(1);
  });
});

describe('through the fake browser', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('a signal in storage.local reaches a watcher of storage.onChanged, every time', async () => {
    const onChange = vi.fn();
    const stop = watchStoreChanged(fakeBrowser.storage.onChanged as never, onChange);
    await signalStoreChanged(fakeBrowser.storage.local, [7]);
    await signalStoreChanged(fakeBrowser.storage.local, [7]);
    expect(onChange).toHaveBeenCalledTimes(2);
    const value = (await fakeBrowser.storage.local.get(STORE_CHANGED_KEY))[STORE_CHANGED_KEY];
    expect(value).toMatchObject({ ids: [7] });
    // Other writes and other areas do not count.
    await fakeBrowser.storage.local.set({ somethingElse: 1 });
    await fakeBrowser.storage.session.set({ [STORE_CHANGED_KEY]: { at: 1 } });
    expect(onChange).toHaveBeenCalledTimes(2);
    stop();
    await signalStoreChanged(fakeBrowser.storage.local, [7]);
    expect(onChange).toHaveBeenCalledTimes(2);
  });
});
