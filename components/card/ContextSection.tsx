import type { Request } from '../../utils/messages/client';
import type { CardData } from '../../utils/messages/contract';
import type { ContactPatch } from '../../utils/model/contact';
import { fromDateInput, toDateInput } from '../../utils/dates';
import { ContactPicker } from './ContactPicker';
import { EditableText } from './EditableText';
import { ErrorNote } from './ErrorNote';
import { typeLabel } from './labels';
import { TagsInput } from './TagsInput';
import { useAction } from './use-action';

/** How you know this person: type, tags, how you met, who introduced you, interests. */
export function ContextSection(props: { card: CardData; request: Request }) {
  const { card, request } = props;
  const { contact } = card;
  const { error, run } = useAction();
  const update = (patch: ContactPatch) => run(() => request('contact.update', { id: contact.id, patch }));
  const met = contact.howWeMet ?? {};
  const setMet = (part: Partial<typeof met>) => {
    const next = { ...met, ...part };
    for (const key of Object.keys(next) as (keyof typeof next)[]) if (next[key] === undefined || next[key] === '') delete next[key];
    return update({ howWeMet: Object.keys(next).length ? next : null });
  };

  return (
    <section class="context" aria-labelledby="context-heading">
      <h2 id="context-heading">How you know them</h2>
      <label class="field">
        <span>Contact type</span>
        <select value={contact.type ?? ''} onChange={(e) => void update({ type: e.currentTarget.value || null })}>
          <option value="">Not set</option>
          {card.contactTypes.map((t) => (
            <option key={t} value={t}>
              {typeLabel(t)}
            </option>
          ))}
        </select>
      </label>
      <NewType request={request} onAdded={(type) => update({ type })} />
      <TagsInput tags={contact.tags} allTags={card.allTags} onChange={(tags) => update({ tags })} />
      <fieldset class="group">
        <legend>How you met</legend>
        <EditableText label="Event" value={met.event ?? ''} maxLength={200} save={(v) => setMet({ event: v || undefined })} />
        <EditableText
          label="Date met"
          type="date"
          value={met.date !== undefined ? toDateInput(met.date) : ''}
          save={(v) => setMet({ date: v ? (fromDateInput(v) ?? undefined) : undefined })}
        />
        <EditableText label="Place" value={met.place ?? ''} maxLength={200} save={(v) => setMet({ place: v || undefined })} />
      </fieldset>
      <ContactPicker
        label="Introduced by"
        current={card.introducer}
        excludeId={contact.id}
        request={request}
        onPick={(c) => update({ introducedBy: c?.id ?? null })}
      />
      {card.introduced.length > 0 && (
        <div class="field">
          <span>Introduced you to</span>
          <ul class="people" aria-label={`People ${contact.name} introduced you to`}>
            {card.introduced.map((p) => (
              <li key={p.id} dir="auto">
                {p.name}
              </li>
            ))}
          </ul>
        </div>
      )}
      <EditableText label="Interests" multiline maxLength={5000} value={contact.interests ?? ''} save={(v) => update({ interests: v || null })} />
      <ErrorNote error={error} what="Not saved" />
    </section>
  );
}

/** The user's own contact types ("bootcamp friend"), kept in settings. */
function NewType(props: { request: Request; onAdded: (type: string) => Promise<unknown> }) {
  const { error, run } = useAction();
  return (
    <form
      class="row"
      aria-label="Add your own contact type"
      onSubmit={async (e) => {
        e.preventDefault();
        const input = (e.currentTarget as HTMLFormElement).elements.namedItem('type') as HTMLInputElement;
        const type = input.value.trim();
        if (!type) return;
        const ok = await run(async () => {
          const settings = await props.request('settings.get', {});
          if (!settings.customContactTypes.includes(type)) {
            await props.request('settings.update', { patch: { customContactTypes: [...settings.customContactTypes, type] } });
          }
          return props.onAdded(type);
        });
        if (ok !== undefined) input.value = '';
      }}
    >
      <input name="type" type="text" dir="auto" maxLength={40} aria-label="Your own contact type" placeholder="Your own type…" />
      <button type="submit">Add type</button>
      <ErrorNote error={error} />
    </form>
  );
}
