import { useEffect, useState } from 'preact/hooks';
import { RapportError, type Request } from '../../utils/messages/client';
import type { Contact } from '../../utils/model/contact';
import './standalone.css';

type Load =
  | { status: 'loading' }
  | { status: 'found'; contact: Contact }
  | { status: 'missing' }
  | { status: 'failed'; message: string };

/** The `contact` parameter of `sidebar.html?contact=<id>`: a positive integer, or null. */
export function parseContactId(raw: string | null): number | null {
  if (raw === null || !/^[1-9]\d{0,15}$/.test(raw.trim())) return null;
  const id = Number(raw.trim());
  return Number.isSafeInteger(id) ? id : null;
}

/**
 * One contact's card on its own, full width in a tab (`sidebar.html?contact=<id>`). For now it
 * shows who it is; the full card comes next.
 */
export function StandaloneContact(props: { request: Request; id: number | null; rawId: string }) {
  const { request, id } = props;
  const [load, setLoad] = useState<Load>({ status: 'loading' });

  useEffect(() => {
    if (id === null) return;
    let live = true;
    setLoad({ status: 'loading' });
    request('contact.get', { id }).then(
      (contact) => live && setLoad(contact ? { status: 'found', contact } : { status: 'missing' }),
      (error: unknown) =>
        live && setLoad({ status: 'failed', message: error instanceof RapportError ? error.message : String(error) }),
    );
    return () => void (live = false);
  }, [request, id]);

  const name = load.status === 'found' ? load.contact.name : null;
  useEffect(() => {
    document.title = name ? `${name} — Rapport` : 'Rapport';
  }, [name]);

  return (
    <main class="sidebar standalone" aria-busy={id !== null && load.status === 'loading'}>
      <header class="brand" aria-hidden="true">
        Rapport
      </header>
      <StandaloneBody load={id === null ? null : load} rawId={props.rawId} />
    </main>
  );
}

function StandaloneBody(props: { load: Load | null; rawId: string }) {
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
    case 'found': {
      const { contact } = load;
      const role = [contact.title, contact.company].filter(Boolean).join(' · ');
      return (
        <article class="person" aria-label={`${contact.name}’s card`}>
          <h1>{contact.name}</h1>
          {contact.headline && <p class="headline">{contact.headline}</p>}
          {role && <p class="quiet">{role}</p>}
        </article>
      );
    }
  }
}
