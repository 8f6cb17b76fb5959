import { useEffect, useState } from 'preact/hooks';
import { onBroadcast, RapportError, type Request } from '../../utils/messages/client';
import type { UpdateGroup } from '../../utils/model/bulk';
import { ErrorNote } from '../card/ErrorNote';
import { formatDate } from '../card/labels';

const message = (e: unknown) => (e instanceof RapportError || e instanceof Error ? e.message : String(e));

/**
 * "Keep your network informed": the updates logged to many contacts at once (bulk "Log an
 * update…"), newest first — what was said, when, and who was told. Loads when opened.
 */
export function UpdatesPanel(props: { request: Request; onOpen: (id: number) => void; initiallyOpen?: boolean }) {
  const { request } = props;
  const [open, setOpen] = useState(props.initiallyOpen ?? false);
  const [updates, setUpdates] = useState<UpdateGroup[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (!open) return;
    let live = true;
    request('updates.list', { limit: 50 }).then(
      (answer) => {
        if (!live) return;
        setUpdates(answer);
        setError(null);
      },
      (e: unknown) => live && setError(message(e)),
    );
    return () => {
      live = false;
    };
  }, [request, open, tick]);

  useEffect(
    () =>
      onBroadcast((event) => {
        if (event.event === 'contacts-changed') setTick((t) => t + 1);
      }),
    [],
  );

  return (
    <details class="updates-panel" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Updates — who was told what</summary>
      <ErrorNote error={error} what="Rapport couldn’t load your updates" />
      {open && updates === null && !error && <p class="quiet">Loading…</p>}
      {updates?.length === 0 && (
        <p class="quiet">
          No updates yet. Select contacts and choose <strong>Log an update…</strong> to tell them about an interview or an offer.
        </p>
      )}
      {updates && updates.length > 0 && (
        <ul class="updates">
          {updates.map((u) => (
            <li key={u.externalId}>
              <div>
                <span class="update-summary" dir="auto">
                  {u.summary}
                </span>{' '}
                <span class="quiet small">· {formatDate(u.when)}</span>
              </div>
              <div class="small">
                Told {u.contacts.length === 1 ? '1 contact' : `${u.contacts.length} contacts`}:{' '}
                {u.contacts.map((c, i) => (
                  <span key={c.id}>
                    {i > 0 && ', '}
                    <button type="button" class="link" onClick={() => props.onOpen(c.id)} dir="auto">
                      {c.name}
                    </button>
                  </span>
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
