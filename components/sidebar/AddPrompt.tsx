import { useState } from 'preact/hooks';
import { PAGE_FIELDS, type PageField } from '../../utils/contact-changes';
import { RapportError, type Request } from '../../utils/messages/client';
import type { LinkedInProfileContext } from '../../utils/model/page-context';
import { FIELD_LABELS } from './labels';
import { MissingFields } from './MissingFields';

/** A person on the page who is not in Rapport yet: a form pre-filled from the page. */
export function AddPrompt(props: { context: LinkedInProfileContext; request: Request; onAdded: () => void }) {
  const { context, request } = props;
  const [fields, setFields] = useState<Record<PageField, string>>(() => ({
    name: context.name ?? '',
    headline: context.headline ?? '',
    company: context.company ?? '',
    title: context.title ?? '',
    location: context.location ?? '',
  }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const add = async (event: Event) => {
    event.preventDefault();
    const name = fields.name.trim();
    if (!name) {
      setError('A contact needs a name.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const optional = Object.fromEntries(
        PAGE_FIELDS.filter((f) => f !== 'name' && fields[f].trim()).map((f) => [f, fields[f].trim()]),
      );
      await request('contact.create', {
        draft: { name, ...optional, linkedinSlug: context.slug, linkedinUrl: context.url },
      });
      props.onAdded();
    } catch (e) {
      setError(e instanceof RapportError ? e.message : String(e));
      setBusy(false);
    }
  };

  return (
    <section class="person">
      <h1>{context.name ?? context.slug}</h1>
      {context.headline && <p class="headline">{context.headline}</p>}
      <MissingFields missing={context.missing} />
      <p class="quiet">Not in Rapport yet.</p>
      <form class="fields" onSubmit={add}>
        {PAGE_FIELDS.map((field) => (
          <label key={field} class="field">
            <span>{FIELD_LABELS[field]}</span>
            <input
              type="text"
              value={fields[field]}
              required={field === 'name'}
              maxLength={field === 'headline' ? 500 : 200}
              onInput={(e) => setFields({ ...fields, [field]: e.currentTarget.value })}
            />
          </label>
        ))}
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add to Rapport'}
        </button>
      </form>
      {error && (
        <p class="problem" role="alert">
          Couldn’t add this person: {error}
        </p>
      )}
    </section>
  );
}
