// One page, four ways in:
// - `sidebar.html#<secret>`: the frame Rapport mounts in a page (the secret proves it);
// - `sidebar.html?host=panel`: the browser's side panel (Chrome) or sidebar (Firefox), which
//   shows the active tab of its window;
// - `sidebar.html?contact=<id>`: one contact, standalone in a tab;
// - `sidebar.html?tab=<id>`: another extension page asking about a tab (tests, tools).
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { SidebarApp } from '../../components/sidebar/SidebarApp';
import { createPanelFollower, InPageSidebar, PanelSidebar, readShortcut } from '../../components/sidebar/SidebarHosts';
import { parseContactId, StandaloneContact } from '../../components/sidebar/StandaloneContact';
import type { TabApis } from '../../utils/active-tab';
import { createClient } from '../../utils/messages/client';
import { takeFrameSecret } from '../../utils/page/frame-secret';
import { sidePanelApi, type PanelHostApis } from '../../utils/side-panel';
import { readUiState } from '../../utils/ui-state';
import './sidebar.css';

const secret = takeFrameSecret(location, history);
const params = new URLSearchParams(location.search);
const request = createClient({ secret });
const root = document.getElementById('app')!;
const panel = () => sidePanelApi(browser as unknown as PanelHostApis);

const contactParam = params.get('contact');
if (contactParam !== null) {
  document.documentElement.dataset.layout = 'standalone';
  render(<StandaloneContact request={request} id={parseContactId(contactParam)} rawId={contactParam} />, root);
} else if (params.get('host') === 'panel') {
  document.documentElement.dataset.layout = 'panel';
  // Find the tab and ask for its view before the first render.
  const follower = createPanelFollower(request, browser as unknown as TabApis);
  render(<PanelSidebar request={request} follower={follower} panel={panel()} />, root);
} else if (secret) {
  // Ask before the first render: effects run after paint, which would delay the card.
  const firstView = request('sidebar.view', {});
  const tabId = browser.tabs
    .getCurrent()
    .then((tab) => tab?.id)
    .catch(() => undefined);
  // Folded or not: known before the first paint, so the frame never flashes the wrong state.
  void readUiState(browser.storage.local).then((initialUi) =>
    render(
      <InPageSidebar
        request={request}
        firstView={firstView}
        initialUi={initialUi}
        tabId={tabId}
        panel={panel()}
        shortcut={readShortcut()}
      />,
      root,
    ),
  );
} else {
  const tabParam = Number(params.get('tab'));
  const tabId = Number.isInteger(tabParam) && tabParam >= 0 ? tabParam : undefined;
  const firstView = request('sidebar.view', tabId === undefined ? {} : { tabId });
  render(<SidebarApp request={request} tabId={tabId} firstView={firstView} />, root);
}
