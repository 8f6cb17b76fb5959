import { useState } from 'preact/hooks';
import { changesFromPage, isJobChange, PAGE_FIELDS } from '../../utils/contact-changes';
import { RapportError, type Request } from '../../utils/messages/client';
import type { Contact } from '../../utils/model/contact';
import type { LinkedInProfileContext } from '../../utils/model/page-context';
import { FIELD_LABELS } from './labels';

/**
 * "Update from page": what the profile says now that differs from the card. Applies only the
 * changes the user keeps ticked; notes and the user's own context are never touched.
 */
export function PageUpdates(props: { contact: Contact; context: LinkedInProfileContext; request: Request }) {
  const { contact, context, request } = props;
  // A name guessed from the URL is no news about the person: only fields the page yielded.
  const fromPage = Object.fromEntries(
    PAGE_FIELDS
      .filter((field) => context[field] && context.sources[field] !== 'url')
      .map((field) => [field, context[field]]),
  );
  const changes = changesFromPage(contact, fromPage);
  const [rejected, setRejected] = useState<Set<string>>(new Set());
  const [dismissed, setDismissed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!changes.length || dismissed) return null;

  const apply = async () => {
    const accepted = changes.filter((c) => !rejected.has(c.field));
    if (!accepted.length) return setDismissed(true);
    setBusy(true);
    setError(null);
    try {
      await request('contact.update', { id: contact.id, patch: Object.fromEntries(accepted.map((c) => [c.field, c.to])) });
    } catch (e) {
      setError(e instanceof RapportError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="updates" aria-labelledby="updates-heading">
      <h2 id="updates-heading">Update from page</h2>
      {isJobChange(changes) && <p class="highlight">New company — a job change worth a congratulation.</p>}
      <ul>
        {changes.map((change) => (
          <li key={change.field}>
            <label>
              <input
                type="checkbox"
                checked={!rejected.has(change.field)}
                onChange={(e) => {
                  const next = new Set(rejected);
                  if (e.currentTarget.checked) next.delete(change.field);
                  else next.add(change.field);
                  setRejected(next);
                }}
              />
              <span>
                <strong>{FIELD_LABELS[change.field]}</strong>: {change.from ? <s>{change.from}</s> : null}
                {change.from ? ' → ' : ''}
                {change.to}
              </span>
            </label>
          </li>
        ))}
      </ul>
      <div class="row">
        <button type="button" class="primary" onClick={apply} disabled={busy}>
          Apply selected
        </button>
        <button type="button" onClick={() => setDismissed(true)}>
          Not now
        </button>
      </div>
      {error && (
        <p class="problem" role="alert">
          Couldn’t update: {error}
        </p>
      )}
    </section>
  );
}
