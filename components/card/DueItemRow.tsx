import type { DueItem } from '../../utils/messages/contract';
import { dueText } from '../../utils/relative-time';

/** One due reminder with Done and Snooze (and Open, where the list is not the contact's own page). */
export function DueItemRow(props: {
  item: DueItem;
  now: number;
  busy: boolean;
  onAct: (action: 'done' | 'snooze') => void;
  onOpen?: () => void;
}) {
  const { item, now, busy } = props;
  return (
    <li>
      <p>
        <span dir="auto">{item.text}</span>{' '}
        <span class={item.due < now ? 'quiet overdue' : 'quiet'}>({dueText(item.due, now)})</span>
      </p>
      <div class="row small-buttons">
        <button type="button" disabled={busy} aria-label={`Done: ${item.text}`} onClick={() => props.onAct('done')}>
          Done
        </button>
        <button type="button" disabled={busy} aria-label={`Snooze: ${item.text}`} onClick={() => props.onAct('snooze')}>
          Snooze
        </button>
        {props.onOpen && (
          <button type="button" aria-label={`Open ${item.contactName ?? 'the contact'}`} onClick={props.onOpen}>
            Open
          </button>
        )}
      </div>
    </li>
  );
}
