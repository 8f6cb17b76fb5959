// The in-page sidebar of a content script: mounted where the user wants the sidebar (in the
// page, folded or not), and nowhere when it lives in the browser's side panel.
import { browser } from 'wxt/browser';
import { SIDEBAR_PAGE } from '../hosts';
import type { UiState } from '../ui-state';
import { mountSidebarFrame, type MountedFrame } from './sidebar-frame';

export function createSidebarSlot(doc: Document, secret: string) {
  let frame: MountedFrame | null = null;
  const unmount = () => {
    frame?.unmount();
    frame = null;
  };
  return {
    /** Shows the in-page frame, unless the sidebar lives in the browser's side panel (the page stays registered: the panel shows it). */
    mount(state: UiState) {
      if (state.host !== 'page') return unmount();
      if (!frame) {
        frame = mountSidebarFrame(doc, `${browser.runtime.getURL(`/${SIDEBAR_PAGE}`)}#${secret}`, { collapsed: state.collapsed });
      } else frame.ensureAttached();
    },
    unmount,
    setCollapsed: (collapsed: boolean) => frame?.setCollapsed(collapsed),
    get mounted() {
      return frame !== null;
    },
  };
}
