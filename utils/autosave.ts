// Debounced autosave that never drops a word: the latest text is always the one saved, a save
// in flight is followed by another if the text changed meanwhile, and failures are retried.

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'error';

export interface AutosaverOptions {
  save: (text: string) => Promise<void>;
  onState: (state: SaveState, error?: unknown) => void;
  delayMs?: number;
  retryMs?: number;
}

export function createAutosaver(initial: string, options: AutosaverOptions) {
  const delay = options.delayMs ?? 400;
  const retryBase = options.retryMs ?? 1_000;
  let saved = initial;
  let latest = initial;
  let inFlight: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let state: SaveState = 'saved';
  let stopped = false;

  const setState = (next: SaveState, error?: unknown) => {
    if (next !== state || error) {
      state = next;
      options.onState(next, error);
    }
  };

  const schedule = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), ms);
  };

  async function flush(): Promise<void> {
    clearTimeout(timer);
    if (inFlight) {
      await inFlight;
      return latest === saved ? undefined : flush();
    }
    if (latest === saved) {
      setState('saved');
      return;
    }
    const text = latest;
    setState('saving');
    inFlight = options
      .save(text)
      .then(() => {
        saved = text;
        failures = 0;
        if (latest === saved) setState('saved');
        else schedule(0);
      })
      .catch((error: unknown) => {
        failures += 1;
        setState('error', error);
        // Keep trying while the page lives: the worker may be restarting.
        if (!stopped) schedule(Math.min(retryBase * 2 ** (failures - 1), 30_000));
      })
      .finally(() => {
        inFlight = null;
      });
    await inFlight;
  }

  return {
    /** The user changed the text. */
    change(text: string) {
      latest = text;
      if (text === saved && !inFlight) {
        clearTimeout(timer);
        setState('saved');
        return;
      }
      if (state !== 'error') setState('unsaved');
      schedule(delay);
    },
    /** Save now (blur, page hide). */
    flush,
    /** Text changed elsewhere and is already stored: adopt it when nothing local is pending. */
    acceptRemote(text: string): boolean {
      if (latest !== saved || inFlight) return false;
      saved = latest = text;
      return true;
    },
    get state() {
      return state;
    },
    /** Local text not yet known to be stored (a save in flight may still fail or be outdated). */
    get dirty() {
      return latest !== saved || inFlight !== null;
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
export type Autosaver = ReturnType<typeof createAutosaver>;
