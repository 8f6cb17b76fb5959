import type { Contact } from '../../utils/model/contact';
import { daysAgoText, dueText } from '../../utils/relative-time';

/** Who this is, and where the relationship stands. */
export function CardHeader(props: { contact: Contact; now: number }) {
  const { contact, now } = props;
  const role = [contact.title, contact.company].filter(Boolean).join(' · ');
  return (
    <header class="card-header">
      <h1 dir="auto">{contact.name}</h1>
      {contact.headline && (
        <p class="headline" dir="auto">
          {contact.headline}
        </p>
      )}
      {role && (
        <p class="quiet" dir="auto">
          {role}
        </p>
      )}
      {contact.location && (
        <p class="quiet small" dir="auto">
          {contact.location}
        </p>
      )}
      <p class="standing">
        {contact.lastContacted !== undefined
          ? `Last contacted ${daysAgoText(contact.lastContacted, now)}`
          : 'No interaction logged yet'}
        {contact.nextFollowUp !== undefined && (
          <span class={contact.nextFollowUp < now ? 'overdue' : ''}> · Follow up {dueText(contact.nextFollowUp, now)}</span>
        )}
      </p>
    </header>
  );
}
