import { ErrorNote } from '../card/ErrorNote';
import { CadenceSettings } from '../settings/CadenceSettings';
import { GoalsGroup } from '../settings/GoalsGroup';
import { PitchGroup } from '../settings/PitchGroup';
import { ReminderGroup } from '../settings/ReminderGroup';
import { SitesGroup, type BrowserKind } from '../settings/SitesGroup';
import { TargetCompanies } from '../settings/TargetCompanies';
import { useSaver, useSettings } from '../settings/use-settings';
import type { Request } from '../../utils/messages/client';

const GROUPS = [
  ['settings-cadences', 'Cadences'],
  ['settings-reminders', 'Reminders'],
  ['settings-sites', 'Sites'],
  ['settings-goals', 'Goals'],
  ['settings-pitches', 'Pitches'],
  ['settings-targets', 'Target companies'],
] as const;

/**
 * Every setting on one page (the manager's "Settings" section and the browser's "Options" page
 * for Rapport). Each control saves on change and says so; an invalid value is refused with a
 * message; changes made elsewhere (the popup, another tab) show up here at once.
 */
export function SettingsView(props: { request: Request; onOpen: (id: number) => void; browserKind?: BrowserKind }) {
  const { request } = props;
  const browserKind = props.browserKind ?? (import.meta.env.FIREFOX ? 'firefox' : 'chrome');
  const store = useSettings(request);
  const { settings, loadError } = store;
  // One saver per group, so each says "Saved" next to the control that changed.
  const cadences = useSaver(request, store);
  const reminders = useSaver(request, store);
  const sites = useSaver(request, store);
  const goals = useSaver(request, store);

  return (
    <section class="manager-pane settings-page" aria-labelledby="section-title" aria-busy={settings === null && !loadError}>
      <h2 id="section-title">Settings</h2>
      <nav class="settings-jump" aria-label="Settings groups">
        {GROUPS.map(([id, label]) => (
          <a key={id} href={`#${id}`} onClick={(e) => jump(e, id)}>
            {label}
          </a>
        ))}
      </nav>
      <ErrorNote error={loadError} what="Rapport couldn’t load your settings" />
      {settings === null ? (
        !loadError && <p class="quiet">Loading…</p>
      ) : (
        <>
          <CadenceSettings settings={settings} saver={cadences} />
          <ReminderGroup settings={settings} saver={reminders} />
          <SitesGroup settings={settings} saver={sites} browserKind={browserKind} />
          <GoalsGroup settings={settings} saver={goals} />
        </>
      )}
      <PitchGroup request={request} />
      <TargetCompanies request={request} />
    </section>
  );
}

/** Scrolls to a group without touching the URL hash (the manager keeps its section there). */
function jump(event: MouseEvent, id: string) {
  event.preventDefault();
  const target = document.getElementById(id);
  target?.scrollIntoView({ block: 'start' });
  target?.querySelector<HTMLElement>('h3')?.focus({ preventScroll: true });
}
