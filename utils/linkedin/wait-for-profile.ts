import { readProfileIdentity, type ProfileIdentity, type ReadOptions } from './profile-identity';

export interface WaitOptions extends ReadOptions {
  timeoutMs: number;
  signal: AbortSignal;
}

/**
 * Reads the profile once its markup provably shows this person — after in-app navigation
 * LinkedIn swaps the heading and the title some time after the URL — or, at the latest after
 * `timeoutMs`, whatever can be read then. Resolves null if aborted (the user moved on).
 */
export function waitForProfile(doc: Document, slug: string, options: WaitOptions): Promise<ProfileIdentity | null> {
  const read = () => readProfileIdentity(doc, slug, options);
  const first = read();
  if (first.confirmed || options.signal.aborted) return Promise.resolve(options.signal.aborted ? null : first);

  return new Promise((resolve) => {
    let throttle: ReturnType<typeof setTimeout> | undefined;
    const finish = (result: ProfileIdentity | null) => {
      observer.disconnect();
      clearTimeout(deadline);
      clearTimeout(throttle);
      options.signal.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const check = () => {
      throttle = undefined;
      const identity = read();
      if (identity.confirmed) finish(identity);
    };
    // Bounded: observe only until the person shows up or the deadline passes.
    const observer = new MutationObserver(() => {
      throttle ??= setTimeout(check, 30);
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    const deadline = setTimeout(() => finish(read()), options.timeoutMs);
    const onAbort = () => finish(null);
    options.signal.addEventListener('abort', onAbort);
  });
}
