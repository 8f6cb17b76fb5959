import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { onBroadcast, RapportError, type Request } from '../../utils/messages/client';
import type { ContactSummary } from '../../utils/model/contact';
import type { ManagerFilters, ManagerList, ManagerSort, ManagerSortKey } from '../../utils/model/manager';
import { ErrorNote } from '../card/ErrorNote';
import { parseContactId, StandaloneContact } from '../sidebar/StandaloneContact';
import { SelectableContactTable } from './BulkBar';
import { Filters } from './Filters';
import { DuplicatesView } from './DuplicatesView';
import { ReviewView } from './ReviewView';
import { SettingsView } from './SettingsView';
import { TransferView } from './TransferView';
import { MANAGER_VIEWS, navigate, viewFromHash, type ManagerView } from './manager-nav';
import { UpdatesPanel } from './UpdatesPanel';

/** How long the search box waits for the typing to pause before asking. */
export const SEARCH_DEBOUNCE_MS = 120;

/** The contact a URL hash selects (`#contact=12`), or null. */
export function selectedFromHash(hash: string): number | null {
  const raw = new URLSearchParams(hash.replace(/^#/, '')).get('contact');
  return parseContactId(raw);
}

/** The open card takes the whole width (`#contact=12&full=1`) instead of sitting beside the list. */
export function fullFromHash(hash: string): boolean {
  return new URLSearchParams(hash.replace(/^#/, '')).get('full') === '1' && selectedFromHash(hash) !== null;
}

const RELEVANCE: ManagerSort = { by: 'relevance', dir: 'asc' };

const message = (e: unknown) => (e instanceof RapportError || e instanceof Error ? e.message : String(e));

/** Dates sort newest first on the first click, text A→Z. */
const firstDirection = (by: ManagerSortKey): ManagerSort['dir'] =>
  by === 'lastContacted' ? 'desc' : 'asc';

/**
 * The contact manager (`manager.html`): every contact in a virtualised, sortable table with
 * filters and a full-text search; a row opens the contact's full card in a pane on the right
 * (kept in the URL hash, `#contact=12`, so reloads and links keep it). Live: reloads on the
 * worker's contacts-changed and companies-changed broadcasts.
 */
function ContactsView(props: { request: Request; nav: preact.ComponentChildren }) {
  const { request, nav } = props;
  const [query, setQuery] = useState('');
  const [debounced, setDebounced] = useState('');
  const [filters, setFilters] = useState<ManagerFilters>({});
  const [introducer, setIntroducer] = useState<ContactSummary | null>(null);
  const [sort, setSort] = useState<ManagerSort>({ by: 'name', dir: 'asc' });
  // A search lists the best matches first until the user picks a column to sort by.
  const [columnWhileSearching, setColumnWhileSearching] = useState(false);
  const [list, setList] = useState<ManagerList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<number | null>(() => selectedFromHash(location.hash));
  const [full, setFull] = useState(() => fullFromHash(location.hash));
  const [tick, setTick] = useState(0);
  const sequence = useRef(0);

  useEffect(() => {
    const timer = setTimeout(() => setDebounced(query.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query]);

  useEffect(() => {
    if (!debounced) setColumnWhileSearching(false);
  }, [debounced]);
  const shownSort: ManagerSort = debounced && !columnWhileSearching ? RELEVANCE : sort;

  useEffect(() => {
    // Only the newest answer is shown: an older, slower one must not overwrite it.
    const mine = ++sequence.current;
    const effective: ManagerFilters = introducer ? { ...filters, introducedBy: introducer.id } : filters;
    request('manager.list', { ...(debounced ? { query: debounced } : {}), filters: effective, sort: shownSort }).then(
      (answer) => {
        if (mine !== sequence.current) return;
        setList(answer);
        setError(null);
      },
      (e: unknown) => mine === sequence.current && setError(message(e)),
    );
  }, [request, debounced, filters, introducer, shownSort.by, shownSort.dir, tick]);

  useEffect(
    () =>
      onBroadcast((event) => {
        if (event.event === 'contacts-changed' || event.event === 'companies-changed') setTick((t) => t + 1);
      }),
    [],
  );

  useEffect(() => {
    const follow = () => {
      setSelected(selectedFromHash(location.hash));
      setFull(fullFromHash(location.hash));
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  const open = useCallback((id: number | null, wide = false) => {
    setSelected(id);
    setFull(id !== null && wide);
    const hash = id === null ? '' : `#contact=${id}${wide ? '&full=1' : ''}`;
    // Replace, not push: the list is one page, not a history of clicks.
    history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  }, []);

  const onSort = (by: ManagerSortKey) => {
    if (debounced) setColumnWhileSearching(true);
    setSort(
      shownSort.by === by ? { by, dir: shownSort.dir === 'asc' ? 'desc' : 'asc' } : { by, dir: firstDirection(by) },
    );
  };

  const empty = list !== null && list.total === 0 && !filters.includeArchived;
  const searching = query.trim() !== debounced;

  return (
    <div class={`manager${selected !== null ? ' with-detail' : ''}${selected !== null && full ? ' full-detail' : ''}`}>
      <header class="manager-header">
        {nav}
        {!empty && (
          <input
            type="search"
            class="manager-search"
            aria-label="Search contacts"
            placeholder="Search names, companies, notes, conversations…"
            maxLength={200}
            value={query}
            onInput={(e) => {
              setQuery(e.currentTarget.value);
              // A search is about the list: bring it back beside the card.
              if (full && selected !== null) open(selected, false);
            }}
          />
        )}
        {list && !empty && (
          <p class="quiet count" role="status" aria-live="polite">
            {list.rows.length === list.total
              ? `${list.total.toLocaleString()} contacts`
              : `${list.rows.length.toLocaleString()} of ${list.total.toLocaleString()} contacts`}
            {shownSort.by === 'relevance' ? ', best matches first' : ''}
            {searching ? ' …' : ''}
          </p>
        )}
      </header>
      <ErrorNote error={error} what="Rapport couldn’t load your contacts" />
      {empty ? (
        <EmptyState onImport={() => navigate('transfer')} />
      ) : (
        <>
          <Filters
            filters={filters}
            facets={list?.facets ?? null}
            onChange={setFilters}
            introducer={introducer}
            onIntroducer={setIntroducer}
            request={request}
          />
          <UpdatesPanel request={request} onOpen={open} />
          <div class="manager-body">
            <section class="manager-list" aria-busy={list === null}>
              {list === null ? (
                !error && <p class="quiet">Loading…</p>
              ) : list.rows.length === 0 ? (
                <p class="quiet no-match">No contact matches{debounced ? ` “${debounced}”` : ''} with these filters.</p>
              ) : (
                <SelectableContactTable
                  request={request}
                  rows={list.rows}
                  facets={list.facets}
                  sort={shownSort}
                  onSort={onSort}
                  selectedId={selected}
                  onOpen={open}
                />
              )}
            </section>
            {selected !== null && (
              <aside class="manager-detail" aria-label="Contact">
                <div class="detail-actions">
                  <button type="button" class="back" onClick={() => open(null)}>
                    ← Back to the list
                  </button>
                  <button type="button" class="link-button" aria-pressed={full} onClick={() => open(selected, !full)}>
                    {full ? 'Show beside the list' : 'Full width'}
                  </button>
                </div>
                <StandaloneContact request={request} id={selected} rawId={String(selected)} embedded />
              </aside>
            )}
          </div>
        </>
      )}
    </div>
  );
}

function EmptyState(props: { onImport: () => void }) {
  return (
    <section class="manager-empty">
      <h2>No contacts yet</h2>
      <p>
        Rapport fills up as you network: open someone’s profile on{' '}
        <a href="https://www.linkedin.com/" target="_blank" rel="noreferrer">
          LinkedIn
        </a>{' '}
        and choose <strong>Add to Rapport</strong> in the sidebar, or add the people you e-mail from Gmail or Outlook.
      </p>
      <p>
        Or bring in the contacts you already have — LinkedIn’s <em>Connections.csv</em>, Google or Outlook contacts,
        vCards, any CSV:{' '}
        <button type="button" class="link-button" onClick={props.onImport}>
          Import a file…
        </button>
      </p>
    </section>
  );
}

/**
 * The contact manager (`manager.html`): a tab strip of sections — the contact list (default),
 * duplicates, the weekly review, import & export, settings. Each section is its own component.
 */
export function ManagerApp(props: { request: Request }) {
  const { request } = props;
  const [view, setView] = useState<ManagerView>(() => viewFromHash(location.hash));

  useEffect(() => {
    const follow = () => setView(viewFromHash(location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  useEffect(() => {
    const label = MANAGER_VIEWS.find((v) => v.id === view)?.label ?? 'Contacts';
    document.title = `${label} — Rapport`;
  }, [view]);

  const nav = (
    <nav class="manager-nav" aria-label="Rapport">
      <span class="brand">Rapport</span>
      {MANAGER_VIEWS.map((v) => (
        <a
          key={v.id}
          href={v.id === 'contacts' ? '#' : `#view=${v.id}`}
          aria-current={v.id === view ? 'page' : undefined}
          onClick={(e) => {
            e.preventDefault();
            navigate(v.id);
          }}
        >
          {v.label}
        </a>
      ))}
    </nav>
  );

  if (view === 'contacts') return <ContactsView request={request} nav={nav} />;
  const Section = { duplicates: DuplicatesView, review: ReviewView, transfer: TransferView, settings: SettingsView }[view];
  const open = (id: number) => navigate('contacts', { contact: String(id) });
  return (
    <div class="manager manager-section">
      <header class="manager-header">{nav}</header>
      <main class="manager-section-body">
        <Section request={request} onOpen={open} />
      </main>
    </div>
  );
}
