import { useCallback, useEffect, useState } from 'preact/hooks';
import { ErrorNote } from '../card/ErrorNote';
import { useAction } from '../card/use-action';
import { DueItemRow } from '../card/DueItemRow';
import { HourSelect } from './HourSelect';
import { ReminderSettings } from './ReminderSettings';
import { onBroadcast, type Request } from '../../utils/messages/client';
import type { DueItem, TicklerList } from '../../utils/messages/contract';
import type { ContactSummary } from '../../utils/model/contact';
import type { Settings } from '../../utils/model/settings';

/** Where the popup's links go: the browser opens them in a new tab. */
export interface PopupLinks {
  /** Rapport's own page for a contact (`sidebar.html?contact=<id>`). */
  contactPage(id: number): string;
  /** The contact manager (`manager.html`): every contact in one list. */
  managerPage?: () => string;
  /** Every setting on one page (`options.html`, the browser's "Options" for Rapport). */
  settingsPage?: () => string;
  open(url: string): void;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The toolbar popup: the reminders due now (Done / Snooze / Open), a quick search over
 * contacts, this week's goals, and the daily digest setting. Live: reloads on the worker's
 * broadcasts.
 */
export function PopupApp(props: { request: Request; links: PopupLinks; now?: () => number }) {
  const { request, links } = props;
  const now = props.now ?? Date.now;
  const [list, setList] = useState<TicklerList | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  const reload = useCallback(
    (live: () => boolean = () => true) =>
      Promise.all([request('ticklers.list', {}), request('settings.get', {})]).then(
        ([nextList, nextSettings]) => {
          if (!live()) return;
          setList(nextList);
          setSettings(nextSettings);
          setLoadError(null);
        },
        (e: unknown) => live() && setLoadError(message(e)),
      ),
    [request],
  );

  useEffect(() => {
    let live = true;
    void reload(() => live);
    const stop = onBroadcast((event) => {
      if (event.event === 'ticklers-changed' || event.event === 'contacts-changed' || event.event === 'settings-changed') {
        void reload(() => live);
      }
    });
    return () => {
      live = false;
      stop();
    };
  }, [reload]);

  const act = (item: DueItem, action: 'done' | 'snooze') =>
    run(async () => {
      await request('tickler.act', { key: item.key, action });
      await reload();
    });

  const openItem = (item: DueItem) => {
    if (item.linkedinUrl) links.open(item.linkedinUrl);
    else if (item.contactId !== undefined) links.open(links.contactPage(item.contactId));
  };

  return (
    <main class="popup" aria-busy={list === null && !loadError}>
      <header class="brand" aria-hidden="true">
        Rapport
      </header>
      {links.managerPage && (
        <p class="manage">
          <button type="button" class="link" onClick={() => links.open(links.managerPage!())}>
            Manage contacts →
          </button>
        </p>
      )}
      {loadError && <ErrorNote error={loadError} what="Rapport couldn’t load your reminders" />}

      <section aria-labelledby="due-heading">
        <h2 id="due-heading">Due now</h2>
        {list === null ? (
          !loadError && <p class="quiet">Loading…</p>
        ) : list.items.length === 0 ? (
          <p class="quiet">Nothing due. Nice.</p>
        ) : (
          <ul class="due-list">
            {list.items.map((item) => (
              <DueItemRow
                key={item.key}
                item={item}
                now={now()}
                busy={busy}
                onAct={(action) => void act(item, action)}
                onOpen={item.linkedinUrl || item.contactId !== undefined ? () => openItem(item) : undefined}
              />
            ))}
          </ul>
        )}
        <ErrorNote error={error} what="Not saved" />
      </section>

      <ContactSearch request={request} links={links} />

      {list && (
        <section aria-labelledby="goals-heading">
          <h2 id="goals-heading">This week</h2>
          <ul class="goals">
            <li>
              New contacts this week: {list.goals.newContacts.done} of {list.goals.newContacts.goal}
            </li>
            <li>
              Conversations: {list.goals.conversations.done} of {list.goals.conversations.goal}
            </li>
            <li>
              Follow-ups done: {list.goals.followUps.done} of {list.goals.followUps.goal}
            </li>
          </ul>
        </section>
      )}

      {settings && <DigestSettings request={request} settings={settings} onSaved={setSettings} links={links} />}
    </main>
  );
}

/** A quick search over contacts by name; a result opens the contact's own page. */
function ContactSearch(props: { request: Request; links: PopupLinks }) {
  const { request, links } = props;
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<ContactSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const text = query.trim();
    if (!text) {
      setResults(null);
      return;
    }
    let live = true;
    request('contacts.search', { query: text, limit: 8 }).then(
      (found) => {
        if (!live) return;
        setResults(found);
        setError(null);
      },
      (e: unknown) => live && setError(message(e)),
    );
    return () => {
      live = false;
    };
  }, [request, query]);

  return (
    <section aria-labelledby="search-heading">
      <h2 id="search-heading">Find a contact</h2>
      <input type="search" placeholder="Name…" aria-label="Search contacts" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      <ErrorNote error={error} what="Search failed" />
      {results !== null &&
        (results.length === 0 ? (
          <p class="quiet">No contact matches “{query.trim()}”.</p>
        ) : (
          <ul class="search-results" aria-label="Matching contacts">
            {results.map((contact) => (
              <li key={contact.id}>
                <button type="button" class="link" aria-label={`Open ${contact.name}`} onClick={() => links.open(links.contactPage(contact.id))}>
                  <span dir="auto">{contact.name}</span>
                  {(contact.title || contact.company) && (
                    <span class="quiet small"> — {[contact.title, contact.company].filter(Boolean).join(', ')}</span>
                  )}
                </button>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}

/** The opt-in daily digest: on/off and the hour, under a "Settings" disclosure. */
function DigestSettings(props: { request: Request; settings: Settings; onSaved: (settings: Settings) => void; links: PopupLinks }) {
  const { request, settings, onSaved, links } = props;
  const { busy, error, run } = useAction();
  const save = (digest: Settings['digest']) =>
    run(async () => onSaved(await request('settings.update', { patch: { digest } })));

  return (
    <details class="section">
      <summary>Settings</summary>
      {links.settingsPage && (
        <p class="manage all-settings">
          <button type="button" class="link" onClick={() => links.open(links.settingsPage!())}>
            All settings…
          </button>
        </p>
      )}
      <label class="check">
        <input
          type="checkbox"
          checked={settings.digest.enabled}
          disabled={busy}
          onChange={(e) => void save({ ...settings.digest, enabled: e.currentTarget.checked })}
        />
        <span>Daily digest notification</span>
      </label>
      <HourSelect
        label="Digest time"
        value={settings.digest.hour}
        disabled={busy}
        onChange={(hour) => void save({ ...settings.digest, hour })}
      />
      <ErrorNote error={error} what="Not saved" />
      <ReminderSettings request={request} settings={settings} onSaved={onSaved} />
    </details>
  );
}
