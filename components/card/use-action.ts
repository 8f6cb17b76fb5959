import { useState } from 'preact/hooks';
import { RapportError } from '../../utils/messages/client';

/**
 * Runs a request for a control: `busy` while it runs, and a clear message when it fails (the
 * user's input stays where it is, so nothing is lost).
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await action();
    } catch (e) {
      if (e instanceof RapportError) {
        // Name the first field the worker refused, e.g. "emails.0: Invalid email address".
        const issue = e.issues[0];
        setError(issue ? `${e.message} (${issue.path ? `${issue.path}: ` : ''}${issue.message})` : e.message);
      } else setError(e instanceof Error ? e.message : String(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run, clearError: () => setError(null) };
}
