import { useEffect, useId, useState } from 'preact/hooks';
import type { Request } from '../../utils/messages/client';
import type { ContactSummary } from '../../utils/model/contact';

/** "Introduced by": search the contacts by name and pick one. */
export function ContactPicker(props: {
  label: string;
  current: ContactSummary | null;
  excludeId: number;
  request: Request;
  onPick: (contact: ContactSummary | null) => Promise<unknown>;
}) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<ContactSummary[]>([]);
  const id = useId();

  useEffect(() => {
    if (!query.trim()) return setResults([]);
    let live = true;
    const timer = setTimeout(() => {
      props
        .request('contacts.search', { query, limit: 8 })
        .then((found) => live && setResults(found.filter((c) => c.id !== props.excludeId)))
        .catch(() => live && setResults([]));
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);

  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.current && (
        <p class="row">
          <strong dir="auto">{props.current.name}</strong>
          <button type="button" aria-label={`Remove ${props.current.name} as introducer`} onClick={() => void props.onPick(null)}>
            Remove
          </button>
        </p>
      )}
      <input
        id={id}
        type="search"
        dir="auto"
        maxLength={200}
        value={query}
        placeholder={props.current ? 'Change…' : 'Search your contacts'}
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      {results.length > 0 && (
        <ul class="suggestions" aria-label={`Matching contacts for ${props.label}`}>
          {results.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                onClick={async () => {
                  await props.onPick(c);
                  setQuery('');
                }}
              >
                <span dir="auto">{c.name}</span>
                {(c.title || c.company) && <span class="quiet small"> · {[c.title, c.company].filter(Boolean).join(', ')}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
      {query.trim() && !results.length && <p class="quiet small">No contact matches “{query.trim()}”.</p>}
    </div>
  );
}
