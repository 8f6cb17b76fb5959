import type { Settings } from '../../utils/model/settings';
import type { SiteName } from '../../utils/site-switch';
import { SettingsGroup } from './SettingsGroup';
import type { Saver } from './use-settings';

const SITES: { site: SiteName; label: string; what: string }[] = [
  { site: 'linkedin', label: 'LinkedIn', what: 'the sidebar on profiles and company pages' },
  { site: 'gmail', label: 'Gmail', what: 'badges next to senders, the sidebar, and logging e-mails' },
  { site: 'outlook', label: 'Outlook on the web', what: 'badges next to senders, the sidebar, and logging e-mails' },
];

export type BrowserKind = 'chrome' | 'firefox';

/** Each site on or off, where the sidebar shows, and the opt-in auto-log of sent mail. */
export function SitesGroup(props: { settings: Settings; saver: Saver; browserKind: BrowserKind }) {
  const { settings, saver, browserKind } = props;
  const save = saver.save;
  const panel = browserKind === 'firefox' ? 'Firefox’s sidebar' : 'Chrome’s side panel';
  return (
    <SettingsGroup id="settings-sites" title="Where Rapport works" state={saver.state}>
      <fieldset class="settings-fieldset">
        <legend>Sites</legend>
        <p class="quiet small">A site switched off gets nothing from Rapport: open tabs of it are cleared at once.</p>
        {SITES.map(({ site, label, what }) => (
          <label key={site} class="check">
            <input
              type="checkbox"
              checked={settings.sites[site]}
              onChange={(e) => void save((s) => ({ sites: { ...s.sites, [site]: e.currentTarget.checked } }))}
            />
            <span>
              {label}{' '}
              <span class="quiet small">
                — {what}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset class="settings-fieldset">
        <legend>Where the sidebar shows</legend>
        <label class="check">
          <input
            type="radio"
            name="sidebar-host"
            value="page"
            checked={settings.sidebarHost === 'page'}
            onChange={() => void save({ sidebarHost: 'page' })}
          />
          <span>In the page, at its right edge (it folds to a small handle)</span>
        </label>
        <label class="check">
          <input
            type="radio"
            name="sidebar-host"
            value="side-panel"
            checked={settings.sidebarHost === 'side-panel'}
            onChange={() => void save({ sidebarHost: 'side-panel' })}
          />
          <span>In {panel}, beside every page</span>
        </label>
        <p class="quiet small">
          {browserKind === 'firefox'
            ? 'Open Firefox’s sidebar from View → Sidebar → Rapport, or with Alt+Shift+S. It shows the active tab.'
            : 'Open the side panel with Alt+Shift+S or from Chrome’s side panel menu. It shows the active tab.'}
        </p>
      </fieldset>
      <fieldset class="settings-fieldset">
        <legend>Sent e-mail</legend>
        <label class="check">
          <input
            type="checkbox"
            checked={settings.autoLogSentMail}
            aria-describedby="auto-log-what"
            onChange={(e) => void save({ autoLogSentMail: e.currentTarget.checked })}
          />
          <span>Log e-mails I send to contacts</span>
        </label>
        <p id="auto-log-what" class="quiet small">
          When you send an e-mail from Gmail or Outlook to someone in Rapport, it goes into their timeline and counts as
          being in touch; a small notice lets you undo it. Off unless you turn it on. Rapport never sends anything itself.
        </p>
      </fieldset>
    </SettingsGroup>
  );
}
