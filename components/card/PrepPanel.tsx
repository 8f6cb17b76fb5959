import type { Interaction } from '../../utils/model/interaction';
import type { Reminder } from '../../utils/model/reminder';
import { dueText } from '../../utils/relative-time';
import { formatDate, KIND_LABELS } from './labels';

/** Before the next conversation: what was said last time, and what you promised. */
export function PrepPanel(props: { last: Interaction | undefined; commitments: Reminder[]; now: number }) {
  const open = props.commitments.filter((c) => c.status !== 'done');
  if (!props.last && !open.length) return null;
  return (
    <section class="prep" aria-label="Before you talk">
      {props.last && (
        <p>
          <strong>Last time</strong> ({KIND_LABELS[props.last.kind]}, {formatDate(props.last.when)}):{' '}
          <span dir="auto">{props.last.summary || 'no summary'}</span>
        </p>
      )}
      {open.length > 0 && (
        <>
          <p>
            <strong>You promised</strong>
          </p>
          <ul>
            {open.map((c) => (
              <li key={c.id} class={c.due < props.now ? 'overdue' : ''}>
                <span dir="auto">{c.text}</span> — {dueText(c.due, props.now)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
