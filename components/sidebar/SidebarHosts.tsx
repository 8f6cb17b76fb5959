// The sidebar app in its two homes: the frame Rapport mounts in the page, and the browser's
// own side panel (Chrome) or sidebar (Firefox), which follows the active tab of its window.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { followActiveTab, type FollowedTab, type TabApis } from '../../utils/active-tab';
import type { Request } from '../../utils/messages/client';
import type { SidebarView } from '../../utils/messages/contract';
import type { SidePanelApi } from '../../utils/side-panel';
import { TOGGLE_SIDEBAR_COMMAND } from '../../utils/sidebar-command';
import { readSiteSwitches, siteSwitchChanges, type SiteName, type SiteSwitches } from '../../utils/site-switch';
import { watchUiState, writeUiState, type UiState } from '../../utils/ui-state';
import { FrameShell } from './FrameShell';
import { SidebarApp } from './SidebarApp';

const panelName = (panel: SidePanelApi | null) => (panel?.kind === 'firefox-sidebar' ? 'sidebar' : 'side panel');

/** The shortcut that shows or hides the sidebar, as the user has set it ('' if none). */
export async function readShortcut(): Promise<string> {
  try {
    const commands = await browser.commands.getAll();
    return commands.find((c) => c.name === TOGGLE_SIDEBAR_COMMAND)?.shortcut ?? '';
  } catch {
    return '';
  }
}

function useResolved<T>(promise: Promise<T> | undefined, initial: T): T {
  const [value, setValue] = useState(initial);
  useEffect(() => {
    let live = true;
    promise?.then((v) => live && setValue(v)).catch(() => {});
    return () => void (live = false);
  }, [promise]);
  return value;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The in-page frame: folds to a handle (in every tab at once) and can move to the side panel. */
export function InPageSidebar(props: {
  request: Request;
  firstView: Promise<SidebarView>;
  initialUi: UiState;
  /** This frame's tab, for opening the side panel on it. */
  tabId: Promise<number | undefined>;
  panel: SidePanelApi | null;
  shortcut?: Promise<string>;
}) {
  const { panel } = props;
  const [ui, setUi] = useState(props.initialUi);
  const [problem, setProblem] = useState<string | null>(null);
  const tabId = useResolved(props.tabId, undefined);
  const shortcut = useResolved(props.shortcut, '');
  // The toolbar only once the worker has recognised this frame (a page that embedded the
  // sidebar page itself gets no controls to click).
  const recognised = useResolved(
    useMemo(() => props.firstView.then(() => true, () => false), [props.firstView]),
    false,
  );

  useEffect(() => watchUiState(browser.storage.onChanged, (changed) => setUi((state) => ({ ...state, ...changed }))), []);

  const write = (patch: Partial<UiState>) =>
    writeUiState(browser.storage.local, patch).catch((error: unknown) => setProblem(`Rapport couldn’t save that: ${describe(error)}`));

  const openSidePanel = panel
    ? () => {
        setProblem(null);
        // Synchronously, inside the click: the browser opens its panel only from a user gesture.
        panel.openFromGesture({ tabId }).then(
          // Once it shows, the content script takes this frame out of the page.
          () => write({ host: 'side-panel' }),
          (error: unknown) => setProblem(`Rapport couldn’t open the ${panelName(panel)}: ${describe(error)}`),
        );
      }
    : undefined;

  return (
    <FrameShell
      host="page"
      collapsed={ui.collapsed}
      onCollapse={() => void write({ collapsed: true })}
      onExpand={() => void write({ collapsed: false })}
      onOpenSidePanel={openSidePanel}
      panelName={panelName(panel)}
      shortcut={shortcut}
      problem={problem}
      controls={recognised}
    >
      <SidebarApp request={props.request} firstView={props.firstView} />
    </FrameShell>
  );
}

export interface PanelView {
  tab: FollowedTab;
  /** Asked for as soon as the tab is known (null: not a page Rapport reads). */
  firstView: Promise<SidebarView> | null;
}

/** Follows the active tab and asks the worker for its view right away, before any render. */
export function createPanelFollower(request: Request, apis: TabApis) {
  let current: PanelView | null = null;
  const listeners = new Set<(view: PanelView) => void>();
  const stop = followActiveTab(apis, (tab) => {
    const firstView = tab.onSite ? request('sidebar.view', { tabId: tab.tabId }) : null;
    // The app handles failures; this only keeps a view nobody showed from being "unhandled".
    firstView?.catch(() => {});
    current = { tab, firstView };
    for (const listener of listeners) listener(current);
  });
  return {
    current: () => current,
    subscribe(listener: (view: PanelView) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    stop,
  };
}
export type PanelFollower = ReturnType<typeof createPanelFollower>;

const SITE_LABELS: Record<SiteName, string> = { linkedin: 'LinkedIn', gmail: 'Gmail', outlook: 'Outlook' };

/** The per-site switches as the content scripts see them (storage.local), followed live. */
function useSiteSwitches(): SiteSwitches | null {
  const [switches, setSwitches] = useState<SiteSwitches | null>(null);
  useEffect(() => {
    let live = true;
    void readSiteSwitches(browser.storage.local).then((read) => live && setSwitches((now) => now ?? read));
    const follow = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const next = siteSwitchChanges(changes, area);
      if (next) setSwitches(next);
    };
    browser.storage.onChanged.addListener(follow);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(follow);
    };
  }, []);
  return switches;
}

/** The browser's side panel: the sidebar of whatever tab is active in this window. */
export function PanelSidebar(props: { request: Request; follower: PanelFollower; panel: SidePanelApi | null }) {
  const { follower, panel } = props;
  const [view, setView] = useState(follower.current());
  const switches = useSiteSwitches();
  const [turningOn, setTurningOn] = useState<string | null>(null);
  useEffect(() => {
    const stop = follower.subscribe(setView);
    setView(follower.current()); // In case it changed between the first render and now.
    return stop;
  }, [follower]);

  const showInPage = () => {
    // Firefox closes its sidebar only from the click itself. Chrome's panel closes when the
    // worker disables it, on seeing the host change.
    if (panel?.kind === 'firefox-sidebar') void panel.close(undefined).catch(() => {});
    void writeUiState(browser.storage.local, { host: 'page' }).catch(() => {});
  };

  // The active tab is on a site the user switched Rapport off for: say so, rather than
  // "open a profile" (the page is one), and offer the way back.
  const offSite = view?.tab.site && switches && !switches[view.tab.site] ? view.tab.site : null;
  const turnOn = (site: SiteName) => {
    setTurningOn(null);
    props.request('settings.update', { patch: { sites: { ...switches!, [site]: true } } }).then(
      () => {},
      (error: unknown) => setTurningOn(error instanceof Error ? error.message : String(error)),
    );
  };

  return (
    <FrameShell host="panel" onShowInPage={showInPage}>
      {offSite ? (
        <main class="sidebar">
          <header class="brand" aria-hidden="true">
            Rapport
          </header>
          <p>Rapport is switched off for {SITE_LABELS[offSite]}: it reads nothing on these pages.</p>
          <button type="button" onClick={() => turnOn(offSite)}>
            Turn Rapport on for {SITE_LABELS[offSite]}
          </button>
          {turningOn && (
            <p class="problem" role="alert">
              Not switched on: {turningOn}
            </p>
          )}
        </main>
      ) : view?.firstView ? (
        <SidebarApp key={view.tab.tabId} request={props.request} tabId={view.tab.tabId} firstView={view.firstView} />
      ) : (
        <main class="sidebar" aria-busy={view ? undefined : true}>
          <header class="brand" aria-hidden="true">
            Rapport
          </header>
          <p class="quiet">{view ? 'Open a LinkedIn profile, or pick a sender in Gmail or Outlook, to see and add notes about that person.' : 'Loading…'}</p>
        </main>
      )}
    </FrameShell>
  );
}
