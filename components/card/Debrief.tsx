import { useState } from 'preact/hooks';
import { DEBRIEF_QUESTIONS, type DebriefAnswer } from '../../utils/debrief';
import type { Request } from '../../utils/messages/client';
import type { Contact } from '../../utils/model/contact';
import type { Interaction } from '../../utils/model/interaction';
import { ErrorNote } from './ErrorNote';
import { useAction } from './use-action';

/** At most `max` UTF-16 units (what the store's limits count), cut between code points. */
function clip(text: string, max: number): string {
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max) break;
    out += char;
  }
  return out;
}

const ANSWERS: { value: DebriefAnswer; label: string }[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'partly', label: 'Partly' },
  { value: 'no', label: 'No' },
];

/**
 * The informational-interview debrief; names they referred you to become contacts introduced
 * by this person, right here.
 */
export function Debrief(props: { interaction: Interaction; contact: Contact; request: Request; onClose: () => void }) {
  const { interaction, contact, request } = props;
  const [answers, setAnswers] = useState<Record<string, DebriefAnswer>>(interaction.debrief ?? {});
  const [name, setName] = useState('');
  const [added, setAdded] = useState<string[]>([]);
  const save = useAction();
  const add = useAction();

  const addReferral = async (event: Event) => {
    event.preventDefault();
    const referred = name.trim();
    if (!referred) return;
    const result = await add.run(() =>
      request('contact.create', {
        draft: {
          name: referred,
          introducedBy: contact.id,
          // "How we met" holds 200 characters; a name may have 200 of its own.
          howWeMet: { event: clip(`Referred by ${contact.name}`, 200), date: interaction.when },
        },
      }),
    );
    if (result) {
      setAdded([...added, result.contact.name]);
      setName('');
    }
  };

  return (
    <section class="debrief" aria-labelledby={`debrief-${interaction.id}`}>
      <h2 id={`debrief-${interaction.id}`}>Debrief: informational interview</h2>
      {DEBRIEF_QUESTIONS.map((q) => (
        <fieldset key={q.id} class="question">
          <legend>{q.text}</legend>
          {ANSWERS.map((a) => (
            <label key={a.value} class="choice">
              <input
                type="radio"
                name={`${interaction.id}-${q.id}`}
                value={a.value}
                checked={answers[q.id] === a.value}
                onChange={() => setAnswers({ ...answers, [q.id]: a.value })}
              />
              {a.label}
            </label>
          ))}
        </fieldset>
      ))}
      <form class="row" onSubmit={addReferral} aria-label="Add a name they referred you to">
        <label class="field grow">
          <span>Name they referred you to</span>
          <input type="text" dir="auto" maxLength={200} value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={add.busy || !name.trim()}>
          Add contact
        </button>
      </form>
      {added.length > 0 && (
        <p class="quiet small" role="status">
          Added, introduced by {contact.name}: {added.join(', ')}
        </p>
      )}
      <ErrorNote error={add.error} what="Not added" />
      <div class="row">
        <button
          type="button"
          class="primary"
          disabled={save.busy}
          onClick={async () => {
            const ok = await save.run(() => request('interaction.update', { id: interaction.id, change: { debrief: answers } }));
            if (ok) props.onClose();
          }}
        >
          Save debrief
        </button>
        <button type="button" onClick={props.onClose}>
          Later
        </button>
      </div>
      <ErrorNote error={save.error} what="Not saved" />
    </section>
  );
}
