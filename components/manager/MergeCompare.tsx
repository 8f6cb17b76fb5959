import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { RapportError, type Request } from '../../utils/messages/client';
import type { Contact } from '../../utils/model/contact';
import { LIST_FIELDS, type MergeComparison, type MergeField, type MergePicks, type MergeResult } from '../../utils/model/duplicates';
import { combineTags, defaultPicks, differingFields, fieldValue, mergedNotesHeader, mergeSummary } from '../../utils/merge/plan';
import { ErrorNote } from '../card/ErrorNote';
import { formatDate } from '../card/labels';
import { FIELD_LABELS, fieldText } from './merge-labels';

const message = (e: unknown) => (e instanceof RapportError || e instanceof Error ? e.message : String(e));
const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** Which contact's value each field keeps (by id, so choosing the other survivor keeps the choices), or both lists. */
type Chosen = Partial<Record<MergeField, number | 'both'>>;

/**
 * Two contacts side by side: the user chooses which record survives (it keeps its id) and, for
 * every field that differs, which value to keep — defaults preselected (the non-empty one, the
 * more recently updated). Tags, notes, interactions, reminders and introductions are combined,
 * and the summary says how many.
 */
export function MergeCompare(props: {
  request: Request;
  ids: readonly [number, number];
  onMerged: (result: MergeResult, mergedName: string) => void;
  onCancel: () => void;
  now?: () => number;
}) {
  const { request, ids } = props;
  const now = props.now ?? Date.now;
  const [data, setData] = useState<MergeComparison | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [keepId, setKeepId] = useState<number | null>(null);
  const [chosen, setChosen] = useState<Chosen>({});
  const [names, setNames] = useState<ReadonlyMap<number, string>>(new Map());
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    request('duplicates.compare', { ids: [ids[0], ids[1]] }).then(
      async (answer) => {
        if (!live) return;
        const [a, b] = answer.contacts;
        // The older record survives by default: links to it (and its id) are the longest-lived.
        const keep = a.createdAt <= b.createdAt ? a : b;
        const other = keep === a ? b : a;
        const picks = defaultPicks(keep, other);
        setChosen(
          Object.fromEntries(
            Object.entries(picks).map(([field, side]) => [field, side === 'both' ? 'both' : side === 'keep' ? keep.id : other.id]),
          ),
        );
        setKeepId(keep.id);
        setData(answer);
        // Introducers are shown by name.
        const wanted = [...new Set([a.introducedBy, b.introducedBy])].filter((id): id is number => id !== undefined && !ids.includes(id));
        const found = await Promise.all(wanted.map((id) => request('contact.get', { id }).catch(() => null)));
        if (live) setNames(new Map(found.filter((c): c is Contact => c !== null).map((c) => [c.id, c.name])));
      },
      (e: unknown) => live && setLoadError(message(e)),
    );
    return () => {
      live = false;
    };
  }, [request, ids[0], ids[1]]);

  useEffect(() => {
    if (data) heading.current?.focus();
  }, [data !== null]);

  const pair = useMemo(() => {
    if (!data || keepId === null) return null;
    const [a, b] = data.contacts;
    const keep = a.id === keepId ? a : b;
    const other = keep === a ? b : a;
    return { a, b, keep, other, counts: data.counts[data.contacts.indexOf(other)]! };
  }, [data, keepId]);

  if (loadError) {
    return (
      <section class="merge-compare" aria-label="Compare">
        <ErrorNote error={loadError} what="Rapport couldn’t load the two contacts" />
        <button type="button" onClick={props.onCancel}>
          Back to the suggestions
        </button>
      </section>
    );
  }
  if (!pair) return <p class="quiet">Loading…</p>;

  const { a, b, keep, other, counts } = pair;
  const fields = differingFields(a, b);
  const pairIds = [a.id, b.id];
  const text = (c: Contact, field: MergeField) =>
    field === 'introducedBy' && fieldValue(c, field, pairIds) === undefined ? null : fieldText(c, field, names);
  const tagsAdded = combineTags(keep.tags ?? [], other.tags ?? []).length - (keep.tags?.length ?? 0);
  const summary = mergeSummary(counts, tagsAdded);
  const tags = combineTags(keep.tags ?? [], other.tags ?? []);

  const merge = async () => {
    setBusy(true);
    setError(null);
    const picks: MergePicks = {};
    for (const field of fields) {
      const value = chosen[field];
      if (value === undefined) continue;
      picks[field] = value === 'both' ? 'both' : value === keep.id ? 'keep' : 'merge';
    }
    try {
      const result = await request('contacts.merge', { keepId: keep.id, mergeId: other.id, picks });
      props.onMerged(result, other.name);
    } catch (e) {
      setError(message(e));
      setBusy(false);
    }
  };

  const cell = (c: Contact, field: MergeField) => {
    const value = text(c, field);
    const picked = chosen[field] === c.id || chosen[field] === 'both';
    return (
      <td class={picked ? 'picked' : undefined}>
        <label class="merge-pick">
          <input
            type="radio"
            name={`pick-${field}`}
            checked={chosen[field] === c.id}
            onChange={() => setChosen((current) => ({ ...current, [field]: c.id }))}
          />
          <span class="visually-hidden">
            {FIELD_LABELS[field]} from {c.name}:{' '}
          </span>
          {value === null ? <span class="quiet">(none)</span> : <span class="merge-value">{value}</span>}
        </label>
      </td>
    );
  };

  return (
    <section class="merge-compare" aria-labelledby="merge-title">
      <h3 id="merge-title" ref={heading} tabIndex={-1}>
        Merge {a.name} and {b.name}
      </h3>
      <fieldset class="merge-keep">
        <legend>Keep the record of</legend>
        {[a, b].map((c) => {
          const n = data!.counts[data!.contacts.indexOf(c)]!;
          return (
            <label key={c.id}>
              <input type="radio" name="merge-keep" checked={keepId === c.id} onChange={() => setKeepId(c.id)} />
              <strong>{c.name}</strong>{' '}
              <span class="quiet">
                added {formatDate(c.createdAt)} · {plural(n.interactions, 'interaction', 'interactions')}
                {c.archivedAt !== undefined ? ' · archived' : ''}
              </span>
            </label>
          );
        })}
      </fieldset>
      <p class="quiet">
        {other.name}’s interactions, reminders and notes move to {keep.name}; then {other.name} is removed. You can undo it
        right after.
      </p>
      {fields.length ? (
        <table class="merge-table">
          <caption>Choose what to keep where they differ</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">{a.name}</th>
              <th scope="col">{b.name}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field) => {
              const both = LIST_FIELDS.includes(field) && text(a, field) !== null && text(b, field) !== null;
              return (
                <tr key={field}>
                  <th scope="row">
                    {FIELD_LABELS[field]}
                    {both && (
                      <label class="merge-both">
                        <input
                          type="radio"
                          name={`pick-${field}`}
                          checked={chosen[field] === 'both'}
                          onChange={() => setChosen((current) => ({ ...current, [field]: 'both' }))}
                        />
                        <span class="visually-hidden">{FIELD_LABELS[field]} from </span>both
                        <span class="visually-hidden"> (keep every one)</span>
                      </label>
                    )}
                  </th>
                  {cell(a, field)}
                  {cell(b, field)}
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p>Every field they both have is the same.</p>
      )}
      <div class="merge-combined">
        <h4>Combined, not chosen</h4>
        <ul>
          <li>Tags: {tags.length ? tags.join(', ') : <span class="quiet">(none)</span>}</li>
          <li>
            Notes: {keep.name}’s, then {other.notes.trim() ? <>{other.name}’s under “{mergedNotesHeader(other.name, now())}”</> : <>(no notes from {other.name})</>}
          </li>
          <li>Interactions, reminders and people {other.name} introduced you to move to {keep.name}.</li>
        </ul>
        <p class="merge-summary">{summary ?? `Nothing else to combine from ${other.name}.`}</p>
      </div>
      <ErrorNote error={error} what="Rapport couldn’t merge them" />
      <div class="merge-actions">
        <button type="button" class="primary" onClick={() => void merge()} disabled={busy}>
          {busy ? 'Merging…' : `Merge into ${keep.name}`}
        </button>
        <button type="button" onClick={props.onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </section>
  );
}
