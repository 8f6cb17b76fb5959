import { useState } from 'preact/hooks';
import { addDays, fromDateInput, toDateInput } from '../../utils/dates';
import type { Request } from '../../utils/messages/client';
import type { Reminder } from '../../utils/model/reminder';
import { dueText } from '../../utils/relative-time';
import { ErrorNote } from './ErrorNote';
import { useAction } from './use-action';

/** What you promised this person ("send her the article"), with due dates; done and undo. */
export function Commitments(props: { contactId: number; commitments: Reminder[]; request: Request; now: number }) {
  const { request, now } = props;
  const [text, setText] = useState('');
  const [due, setDue] = useState(() => toDateInput(addDays(now, 7)));
  const add = useAction();
  const toggle = useAction();

  const submit = async (event: Event) => {
    event.preventDefault();
    const at = fromDateInput(due);
    if (!text.trim() || at === null) return;
    const ok = await add.run(() => request('commitment.add', { contactId: props.contactId, text: text.trim(), due: at }));
    if (ok) setText('');
  };

  return (
    <section class="commitments" aria-labelledby="commitments-heading">
      <h2 id="commitments-heading">Commitments</h2>
      {props.commitments.length > 0 && (
        <ul>
          {props.commitments.map((c) => (
            <li key={c.id} class={c.status === 'done' ? 'done' : c.due < now ? 'overdue' : ''}>
              <label class="check">
                <input
                  type="checkbox"
                  checked={c.status === 'done'}
                  disabled={toggle.busy}
                  onChange={(e) => void toggle.run(() => request('commitment.setDone', { id: c.id, done: e.currentTarget.checked }))}
                />
                <span dir="auto">{c.text}</span>
              </label>
              <span class="quiet small">{c.status === 'done' ? 'done' : dueText(c.due, now)}</span>
            </li>
          ))}
        </ul>
      )}
      <ErrorNote error={toggle.error} what="Not saved" />
      <form class="row wrap" onSubmit={submit} aria-label="Add a commitment">
        <label class="field grow">
          <span>You promised to…</span>
          <input type="text" dir="auto" maxLength={1000} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>Due</span>
          <input type="date" value={due} onInput={(e) => setDue(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={add.busy || !text.trim() || fromDateInput(due) === null}>
          Add
        </button>
      </form>
      <ErrorNote error={add.error} what="Not added" />
    </section>
  );
}
