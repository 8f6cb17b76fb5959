import { readProfileIdentity, type ProfileIdentity, type ReadOptions } from './profile-identity';

export interface WaitOptions {
  timeoutMs: number;
  signal: AbortSignal;
}

/**
 * Reads the page once its markup provably shows the right person or company — after in-app
 * navigation LinkedIn swaps the heading and the title some time after the URL — or, at the
 * latest after `timeoutMs`, whatever can be read then. Resolves null if aborted (the user
 * moved on).
 */
export function waitForReading<T extends { confirmed: boolean }>(
  doc: Document,
  read: () => T,
  options: WaitOptions,
): Promise<T | null> {
  if (options.signal.aborted) return Promise.resolve(null);
  const first = read();
  if (first.confirmed) return Promise.resolve(first);

  return new Promise((resolve) => {
    let throttle: ReturnType<typeof setTimeout> | undefined;
    const finish = (result: T | null) => {
      observer.disconnect();
      clearTimeout(deadline);
      clearTimeout(throttle);
      options.signal.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const check = () => {
      throttle = undefined;
      const reading = read();
      if (reading.confirmed) finish(reading);
    };
    // Bounded: observe only until the page shows its subject or the deadline passes.
    const observer = new MutationObserver(() => {
      throttle ??= setTimeout(check, 30);
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    const deadline = setTimeout(() => finish(read()), options.timeoutMs);
    const onAbort = () => finish(null);
    options.signal.addEventListener('abort', onAbort);
  });
}

export function waitForProfile(
  doc: Document,
  slug: string,
  options: WaitOptions & ReadOptions,
): Promise<ProfileIdentity | null> {
  return waitForReading(doc, () => readProfileIdentity(doc, slug, options), options);
}
