import { useState } from 'preact/hooks';
import { RapportError, type Request } from '../../utils/messages/client';
import type { LinkedInProfileContext } from '../../utils/model/page-context';
import { MissingFields } from './MissingFields';

/** A person on the page who is not in Rapport yet. */
export function AddPrompt(props: { context: LinkedInProfileContext; request: Request; onAdded: () => void }) {
  const { context, request } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = context.name ?? context.slug;

  const add = async () => {
    setBusy(true);
    setError(null);
    try {
      await request('contact.create', {
        draft: {
          name,
          ...(context.headline ? { headline: context.headline } : {}),
          linkedinSlug: context.slug,
          linkedinUrl: context.url,
        },
      });
      props.onAdded();
    } catch (e) {
      setError(e instanceof RapportError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="person">
      <h1>{name}</h1>
      {context.headline && <p class="headline">{context.headline}</p>}
      <MissingFields missing={context.missing} />
      <p class="quiet">Not in Rapport yet.</p>
      <button type="button" class="primary" onClick={add} disabled={busy}>
        {busy ? 'Adding…' : 'Add to Rapport'}
      </button>
      {error && (
        <p class="problem" role="alert">
          Couldn’t add {name}: {error}
        </p>
      )}
    </section>
  );
}
