// The toolbar button's popup: what is due now, a quick contact search, this week's goals.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '../../components/popup/PopupApp';
import { createClient } from '../../utils/messages/client';
import '../sidebar/sidebar.css';
import './popup.css';

const request = createClient();

const links = {
  contactPage: (id: number) => browser.runtime.getURL(`/sidebar.html?contact=${id}` as '/'),
  managerPage: () => browser.runtime.getURL('/manager.html' as '/'),
  settingsPage: () => browser.runtime.getURL('/options.html' as '/'),
  open(url: string) {
    void browser.tabs
      .create({ url })
      // As the toolbar popup (which has no tab of its own) close once the tab is open; opened
      // as a page in a tab, stay.
      .then(() => browser.tabs.getCurrent())
      .then(
        (tab) => {
          if (!tab) window.close();
        },
        (error: unknown) => console.error('[Rapport] could not open a tab', error),
      );
  },
};

render(<PopupApp request={request} links={links} />, document.getElementById('app')!);
