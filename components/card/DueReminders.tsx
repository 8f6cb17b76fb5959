import { useCallback, useEffect, useState } from 'preact/hooks';
import { onBroadcast, type Request } from '../../utils/messages/client';
import type { DueItem } from '../../utils/messages/contract';
import { DueItemRow } from './DueItemRow';
import { ErrorNote } from './ErrorNote';
import { useAction } from './use-action';

/**
 * One contact's reminders that are due now, with Done and Snooze: at the top of the standalone
 * contact page, where a notification click leads (Firefox's notifications have no buttons).
 * Renders nothing when nothing is due.
 */
export function DueReminders(props: { contactId: number; request: Request; now?: () => number }) {
  const { contactId, request } = props;
  const now = props.now ?? Date.now;
  const [items, setItems] = useState<DueItem[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  const reload = useCallback(
    (live: () => boolean = () => true) =>
      request('ticklers.list', { contactId }).then(
        (list) => {
          if (!live()) return;
          setItems(list.items);
          setLoadError(null);
        },
        (e: unknown) => live() && setLoadError(e instanceof Error ? e.message : String(e)),
      ),
    [request, contactId],
  );

  useEffect(() => {
    let live = true;
    void reload(() => live);
    const stop = onBroadcast((event) => {
      if (event.event === 'ticklers-changed' || (event.event === 'contacts-changed' && event.ids.includes(contactId))) {
        void reload(() => live);
      }
    });
    return () => {
      live = false;
      stop();
    };
  }, [reload, contactId]);

  const act = (key: string, action: 'done' | 'snooze') =>
    run(async () => {
      await request('tickler.act', { key, action });
      await reload();
    });

  if (items.length === 0 && !loadError) return null;
  return (
    <section class="due-reminders" aria-labelledby="due-reminders-heading">
      <h2 id="due-reminders-heading">Due now</h2>
      {loadError && <ErrorNote error={loadError} what="Couldn’t load the reminders" />}
      <ul>
        {items.map((item) => (
          <DueItemRow key={item.key} item={item} now={now()} busy={busy} onAct={(action) => void act(item.key, action)} />
        ))}
      </ul>
      <ErrorNote error={error} what="Not saved" />
    </section>
  );
}
