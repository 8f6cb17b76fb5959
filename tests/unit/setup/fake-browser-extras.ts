// WXT's fake browser (from @webext-core/fake-browser) leaves some events the worker listens
// to unimplemented (their addListener throws): `commands.onCommand` and Chrome's
// `sidePanel.onOpened` / `onClosed`. Give them working events with `trigger(...)`, reset by
// `fakeBrowser.reset()` like the fake's own. (The side panel's functions stay unimplemented:
// they throw, as they would in a browser without them.)
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Listener = (...args: any[]) => unknown;

function eventWithTrigger() {
  const listeners: Listener[] = [];
  return {
    addListener: (listener: Listener) => void listeners.push(listener),
    removeListener: (listener: Listener) => {
      const at = listeners.indexOf(listener);
      if (at >= 0) listeners.splice(at, 1);
    },
    hasListener: (listener: Listener) => listeners.includes(listener),
    hasListeners: () => listeners.length > 0,
    removeAllListeners: () => void (listeners.length = 0),
    trigger: (...args: unknown[]) => Promise.all(listeners.map((listener) => listener(...args))),
  };
}

const onCommand = eventWithTrigger();
Object.assign(fakeBrowser.commands, {
  onCommand,
  getAll: async () => [],
  resetState: () => onCommand.removeAllListeners(),
});

const onOpened = eventWithTrigger();
const onClosed = eventWithTrigger();
Object.assign(fakeBrowser.sidePanel, {
  onOpened,
  onClosed,
  resetState: () => {
    onOpened.removeAllListeners();
    onClosed.removeAllListeners();
  },
});

// The toolbar button's menu: the fake has no contextMenus. Entries are kept so tests can read them.
const menuClicked = eventWithTrigger();
const menuEntries: { id: string; title: string; contexts: string[] }[] = [];
Object.assign(fakeBrowser.contextMenus, {
  onClicked: menuClicked,
  entries: menuEntries,
  create: (entry: { id: string; title: string; contexts: string[] }) => {
    if (menuEntries.some((e) => e.id === entry.id)) throw new Error(`Cannot create item with duplicate id ${entry.id}`);
    menuEntries.push(entry);
    return entry.id;
  },
  removeAll: async () => void (menuEntries.length = 0),
  resetState: () => {
    menuClicked.removeAllListeners();
    menuEntries.length = 0;
  },
});
