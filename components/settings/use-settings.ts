import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { onBroadcast, RapportError, type Request } from '../../utils/messages/client';
import { applyPatch } from '../../utils/model/common';
import { Settings, type SettingsPatch } from '../../utils/model/settings';

const describe = (e: unknown) => {
  if (e instanceof RapportError) {
    const issue = e.issues[0];
    return issue ? `${e.message} (${issue.path ? `${issue.path}: ` : ''}${issue.message})` : e.message;
  }
  return e instanceof Error ? e.message : String(e);
};

/**
 * The settings as the worker has them, kept current: loaded once, and again whenever another
 * page (the popup, another tab, the sidebar) changes them. Only the newest answer is shown.
 */
export function useSettings(request: Request) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const sequence = useRef(0);
  /** The newest state, including changes on their way to the worker (see `optimistic`). */
  const latest = useRef<Settings | null>(null);

  const show = useCallback((next: Settings) => {
    latest.current = next;
    setSettings(next);
  }, []);

  const reload = useCallback(() => {
    const mine = ++sequence.current;
    request('settings.get', {}).then(
      (next) => {
        if (mine !== sequence.current) return;
        show(next);
        setLoadError(null);
      },
      (e: unknown) => mine === sequence.current && setLoadError(describe(e)),
    );
  }, [request, show]);

  useEffect(() => {
    reload();
    const stop = onBroadcast((event) => event.event === 'settings-changed' && reload());
    return () => {
      sequence.current++; // Answers after unmount are dropped.
      stop();
    };
  }, [reload]);

  return {
    settings,
    loadError,
    reload,
    /** The newest state, for building the next patch (two quick changes must not undo each other). */
    current: () => latest.current,
    /** Shows a change at once, before the worker answers; a reload still out must not undo it. */
    optimistic(patch: SettingsPatch) {
      if (!latest.current) return;
      sequence.current++;
      const next = Settings.safeParse(applyPatch(latest.current, patch));
      if (next.success) show(next.data);
    },
    /** The worker's answer to a save: the truth, whatever was shown before. */
    saved(next: Settings) {
      sequence.current++;
      show(next);
    },
  };
}
export type SettingsStore = ReturnType<typeof useSettings>;

/** How long "Saved" stays up after a change. */
export const SAVED_SHOWN_MS = 2_500;

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

/** A patch, or how to build it from the newest settings (for composite settings such as quiet hours). */
export type PatchOrBuilder = SettingsPatch | ((settings: Settings) => SettingsPatch);

/**
 * Saves one group's changes: shown at once, then "Saving…" and a brief "Saved", or why it
 * failed (and the stored settings again).
 */
export function useSaver(request: Request, store: SettingsStore) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** Saves in the order they were made: the worker applies each patch to the one before. */
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const pending = useRef(0);
  useEffect(() => () => clearTimeout(timer.current), []);

  const save = (change: PatchOrBuilder): Promise<boolean> => {
    const base = store.current();
    if (!base) return Promise.resolve(false);
    const patch = typeof change === 'function' ? change(base) : change;
    store.optimistic(patch);
    clearTimeout(timer.current);
    setState({ kind: 'saving' });
    pending.current++;
    const done = queue.current.then(async () => {
      try {
        const next = await request('settings.update', { patch });
        if (--pending.current === 0) {
          store.saved(next);
          setState({ kind: 'saved' });
          timer.current = setTimeout(() => setState({ kind: 'idle' }), SAVED_SHOWN_MS);
        }
        return true;
      } catch (e) {
        pending.current--;
        setState({ kind: 'failed', message: describe(e) });
        store.reload();
        return false;
      }
    });
    queue.current = done;
    return done;
  };
  return { state, save, busy: state.kind === 'saving' };
}
export type Saver = ReturnType<typeof useSaver>;

export { describe as describeError };
