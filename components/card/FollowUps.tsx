import { useState } from 'preact/hooks';
import { addDays, addMonths, fromDateInput, startOfDay, toDateInput } from '../../utils/dates';
import type { Request } from '../../utils/messages/client';
import type { Contact } from '../../utils/model/contact';
import { dueText } from '../../utils/relative-time';
import { ErrorNote } from './ErrorNote';
import { formatDate } from './labels';
import { useAction } from './use-action';

const CADENCES = [14, 30, 60, 90, 180, 365];

/** Next follow-up (quick picks or a date) and the keep-in-touch cadence. */
export function FollowUps(props: { contact: Contact; defaultCadenceDays: number; request: Request; now: number }) {
  const { contact, request, now } = props;
  const { busy, error, run } = useAction();
  const [custom, setCustom] = useState('');
  // A follow-up is for a day: 9:00 local time on that day.
  const at9 = (at: number) => startOfDay(at) + 9 * 60 * 60 * 1000;
  const set = (nextFollowUp: number | null) => run(() => request('contact.update', { id: contact.id, patch: { nextFollowUp } }));

  return (
    <section class="follow-ups" aria-labelledby="follow-up-heading">
      <h2 id="follow-up-heading">Follow up</h2>
      <p class={contact.nextFollowUp !== undefined && contact.nextFollowUp < now ? 'overdue' : ''}>
        {contact.nextFollowUp !== undefined
          ? `Next follow-up ${formatDate(contact.nextFollowUp)} (${dueText(contact.nextFollowUp, now)})`
          : 'No follow-up planned.'}
      </p>
      <div class="row wrap" role="group" aria-label="Set the next follow-up">
        <button type="button" disabled={busy} onClick={() => set(at9(addDays(now, 7)))}>
          In 1 week
        </button>
        <button type="button" disabled={busy} onClick={() => set(at9(addMonths(now, 1)))}>
          In 1 month
        </button>
        <button type="button" disabled={busy} onClick={() => set(at9(addMonths(now, 3)))}>
          In 3 months
        </button>
        {contact.nextFollowUp !== undefined && (
          <button type="button" disabled={busy} onClick={() => set(null)}>
            Clear
          </button>
        )}
      </div>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          const day = fromDateInput(custom);
          // Cleared only once saved: a failed save keeps the date to retry.
          if (day !== null) void set(day).then((saved) => saved && setCustom(''));
        }}
      >
        <label class="field inline">
          <span>On a date</span>
          <input type="date" value={custom} min={toDateInput(now)} onInput={(e) => setCustom(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={busy || fromDateInput(custom) === null}>
          Set
        </button>
      </form>
      <label class="field inline">
        <span>Keep in touch every</span>
        <select
          value={contact.cadenceDays === undefined ? '' : String(contact.cadenceDays)}
          onChange={(e) => {
            const value = e.currentTarget.value;
            void run(() => request('contact.update', { id: contact.id, patch: { cadenceDays: value ? Number(value) : null } }));
          }}
        >
          <option value="">{`${props.defaultCadenceDays} days (default for this type)`}</option>
          {[...new Set([...CADENCES, ...(contact.cadenceDays ? [contact.cadenceDays] : [])])]
            .sort((a, b) => a - b)
            .map((days) => (
              <option key={days} value={String(days)}>
                {days} days
              </option>
            ))}
        </select>
      </label>
      <ErrorNote error={error} what="Not saved" />
    </section>
  );
}
