import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { onBroadcast, RapportError, type Request } from '../../utils/messages/client';
import type { SidebarView } from '../../utils/messages/contract';
import { MailAddPrompt } from '../mail/MailAddPrompt';
import { MailMessageBar } from '../mail/MailMessageBar';
import { AddPrompt } from './AddPrompt';
import { CompanyCard } from './CompanyCard';
import { ContactCard } from './ContactCard';

type Load = { status: 'loading' } | { status: 'ready'; view: SidebarView } | { status: 'failed'; error: RapportError };

const asRapportError = (error: unknown) =>
  error instanceof RapportError ? error : new RapportError('internal', String(error));

export function SidebarApp(props: { request: Request; tabId?: number; firstView: Promise<SidebarView> }) {
  const { request, tabId } = props;
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const generation = useRef(0);

  const track = useCallback((pending: Promise<SidebarView>) => {
    const mine = ++generation.current;
    pending.then(
      (view) => mine === generation.current && setLoad({ status: 'ready', view }),
      (error: unknown) => mine === generation.current && setLoad({ status: 'failed', error: asRapportError(error) }),
    );
  }, []);

  const reload = useCallback(
    () => track(request('sidebar.view', tabId === undefined ? {} : { tabId })),
    [request, tabId, track],
  );

  useEffect(() => track(props.firstView), [props.firstView, track]);

  // A failure other than a refusal is usually passing (the worker restarting): retry a few
  // times, backing off, before leaving it to the "Try again" button.
  const retries = useRef(0);
  useEffect(() => {
    if (load.status === 'ready') retries.current = 0;
    if (load.status !== 'failed' || load.error.code === 'forbidden' || retries.current >= 3) return;
    const timer = setTimeout(reload, 1_000 * 2 ** retries.current++);
    return () => clearTimeout(timer);
  }, [load, reload]);

  const view = load.status === 'ready' ? load.view : null;
  const person = view?.contact?.name ?? (view?.context?.ready ? view.context.name : undefined);
  useEffect(() => {
    // For the benchmark: when a person's card first shows (a mark in our own page only).
    if (person && !performance.getEntriesByName('rapport:person-shown').length) performance.mark('rapport:person-shown');
  }, [person]);
  useEffect(
    () =>
      onBroadcast((event) => {
        if (!view) return;
        if (event.event === 'tab-context-changed' && event.tabId === view.tabId) reload();
        if (event.event === 'contacts-changed' && (view.company || (view.contact && event.ids.includes(view.contact.id)))) {
          reload();
        }
        if (event.event === 'companies-changed' && view.company && event.keys.includes(view.company.key)) reload();
        if (event.event === 'pitches-changed' || event.event === 'settings-changed') reload();
      }),
    [view, reload],
  );

  return (
    <main class="sidebar" aria-busy={load.status === 'loading'}>
      <header class="brand" aria-hidden="true">
        Rapport
      </header>
      <SidebarBody load={load} request={request} reload={reload} />
    </main>
  );
}

function SidebarBody(props: { load: Load; request: Request; reload: () => void }) {
  const { load, request, reload } = props;
  if (load.status === 'loading') return <p class="quiet">Loading…</p>;
  if (load.status === 'failed') {
    if (load.error.code === 'forbidden') {
      return <p class="quiet">This panel only works when Rapport opens it itself.</p>;
    }
    return (
      <div class="problem" role="alert">
        <p>Rapport couldn’t load this card: {load.error.message}</p>
        <button type="button" onClick={reload}>
          Try again
        </button>
      </div>
    );
  }
  const { context, card, company } = load.view;
  if (context?.kind === 'mail-person') {
    if (!card) return <MailAddPrompt key={`${context.email ?? ''}|${context.name}`} context={context} request={request} onAdded={reload} />;
    return (
      <>
        <MailMessageBar context={context} card={card} match={load.view.match} request={request} />
        <ContactCard key={card.contact.id} card={card} context={null} request={request} mailHost={context.site} />
      </>
    );
  }
  if (card) {
    const profile = context?.kind === 'linkedin-profile' ? context : null;
    return <ContactCard key={card.contact.id} card={card} context={profile} request={request} />;
  }
  if (!context) {
    return <p class="quiet">Open a LinkedIn profile, or pick a sender in Gmail or Outlook, to see and add notes about that person.</p>;
  }
  if (!context.ready) {
    return (
      <p class="quiet" role="status">
        Reading the page…
      </p>
    );
  }
  if (context.kind === 'linkedin-company') {
    return <CompanyCard key={context.slug} context={context} view={company} request={request} />;
  }
  return <AddPrompt key={context.slug} context={context} request={request} onAdded={reload} />;
}
