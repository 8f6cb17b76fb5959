import { useState } from 'preact/hooks';
import { RapportError, type Request } from '../../utils/messages/client';
import type { CompanyView } from '../../utils/messages/contract';
import type { LinkedInCompanyContext } from '../../utils/model/page-context';
import { MissingFields } from './MissingFields';

/** A company page: who you know there, and whether it is one of your target employers. */
export function CompanyCard(props: { context: LinkedInCompanyContext; view: CompanyView | null; request: Request }) {
  const { context, view, request } = props;
  // Hooks before any early return: their order must not depend on the props.
  const [error, setError] = useState<string | null>(null);
  const name = view?.record?.name ?? context.name;
  if (!name || !view) {
    // Nothing names the company yet (a numeric id in the URL): no card to keep under a guess.
    return (
      <section class="person">
        <h1>Company page</h1>
        <MissingFields missing={['name']} />
      </section>
    );
  }
  const target = view.record?.target ?? false;
  const rank = view.record?.targetRank;
  const ranks = Math.max(5, view.targetCount + (target ? 0 : 1));

  const setTarget = async (next: { target: boolean; rank?: number }) => {
    setError(null);
    try {
      await request('company.setTarget', { name, linkedinSlug: context.slug, ...next });
    } catch (e) {
      setError(e instanceof RapportError ? e.message : String(e));
    }
  };

  return (
    <section class="person">
      <h1>{name}</h1>
      <MissingFields missing={context.missing} />
      <label class="check">
        <input type="checkbox" checked={target} onChange={(e) => void setTarget({ target: e.currentTarget.checked })} />
        <span>Target employer</span>
      </label>
      {target && (
        <label class="field inline">
          <span>Rank among your targets</span>
          <select
            value={String(rank ?? '')}
            onChange={(e) => void setTarget({ target: true, rank: Number(e.currentTarget.value) })}
          >
            {Array.from({ length: ranks }, (_, i) => (
              <option key={i} value={String(i + 1)}>
                {i + 1}
              </option>
            ))}
          </select>
        </label>
      )}
      {error && (
        <p class="problem" role="alert">
          {error}
        </p>
      )}
      <h2>People you know here</h2>
      {view.people.length ? (
        <ul class="people" aria-label={`People you know at ${name}`}>
          {view.people.map((person) => (
            <li key={person.id}>
              <strong>{person.name}</strong>
              {(person.title || person.headline) && <span class="quiet"> · {person.title ?? person.headline}</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p class="quiet">Nobody in Rapport works here yet. Alumni and friends of friends are a good way in.</p>
      )}
    </section>
  );
}
