import { useCallback, useEffect, useState } from 'preact/hooks';
import { onBroadcast, RapportError, type Request } from '../../utils/messages/client';
import type { CardData } from '../../utils/messages/contract';
import { DueReminders } from '../card/DueReminders';
import { ContactCard } from './ContactCard';
import './standalone.css';

type Load =
  | { status: 'loading' }
  | { status: 'found'; card: CardData }
  | { status: 'missing' }
  | { status: 'failed'; message: string };

/** The `contact` parameter of `sidebar.html?contact=<id>`: a positive integer, or null. */
export function parseContactId(raw: string | null): number | null {
  if (raw === null || !/^[1-9]\d{0,15}$/.test(raw.trim())) return null;
  const id = Number(raw.trim());
  return Number.isSafeInteger(id) ? id : null;
}

/**
 * One contact's card on its own, full width in a tab (`sidebar.html?contact=<id>`): where
 * notifications and the popup send the user. `embedded`: inside another page (the manager's
 * detail pane): no brand header and the page's title left alone.
 */
export function StandaloneContact(props: { request: Request; id: number | null; rawId: string; embedded?: boolean }) {
  const { request, id } = props;
  const [load, setLoad] = useState<Load>({ status: 'loading' });

  const fetchCard = useCallback(
    (live: () => boolean) => {
      if (id === null) return;
      request('contact.card', { id }).then(
        (card) => live() && setLoad(card ? { status: 'found', card } : { status: 'missing' }),
        (error: unknown) =>
          live() && setLoad({ status: 'failed', message: error instanceof RapportError ? error.message : String(error) }),
      );
    },
    [request, id],
  );

  useEffect(() => {
    let live = true;
    fetchCard(() => live);
    // Live: an edit in any other sidebar shows up here too.
    const stop = onBroadcast((event) => {
      if (id === null) return;
      if ((event.event === 'contacts-changed' && event.ids.includes(id)) || event.event === 'pitches-changed' || event.event === 'settings-changed') {
        fetchCard(() => live);
      }
    });
    return () => {
      live = false;
      stop();
    };
  }, [fetchCard, id]);

  const name = load.status === 'found' ? load.card.contact.name : null;
  useEffect(() => {
    if (!props.embedded) document.title = name ? `${name} — Rapport` : 'Rapport';
  }, [name, props.embedded]);

  const body = <StandaloneBody load={id === null ? null : load} rawId={props.rawId} request={request} />;
  if (props.embedded) {
    return (
      <section class="sidebar standalone embedded" aria-label={name ?? 'Contact'} aria-busy={id !== null && load.status === 'loading'}>
        {body}
      </section>
    );
  }
  return (
    <main class="sidebar standalone" aria-busy={id !== null && load.status === 'loading'}>
      <header class="brand" aria-hidden="true">
        Rapport
      </header>
      {body}
    </main>
  );
}

function StandaloneBody(props: { load: Load | null; rawId: string; request: Request }) {
  const { load } = props;
  if (!load) {
    return (
      <div role="alert">
        <h1>Not a contact link</h1>
        <p class="quiet">
          “{props.rawId}” is not a contact number. Open a contact from Rapport’s sidebar to get a link that works.
        </p>
      </div>
    );
  }
  switch (load.status) {
    case 'loading':
      return <p class="quiet">Loading…</p>;
    case 'missing':
      return (
        <div role="alert">
          <h1>Contact not found</h1>
          <p class="quiet">There is no contact number {props.rawId.trim()} in Rapport. It may have been deleted.</p>
        </div>
      );
    case 'failed':
      return (
        <div class="problem" role="alert">
          <p>Rapport couldn’t load this contact: {load.message}</p>
        </div>
      );
    case 'found':
      return (
        <>
          {/* The reminders due for this contact, with their actions: where a notification click leads. */}
          <DueReminders key={`due-${load.card.contact.id}`} contactId={load.card.contact.id} request={props.request} />
          <ContactCard key={load.card.contact.id} card={load.card} context={null} request={props.request} />
        </>
      );
  }
}
