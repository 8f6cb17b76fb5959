// The in-page sidebar: an extension page in an iframe inside a closed shadow root, so the
// host page can neither read it, restyle it, nor hear what is typed into it. The host element
// carries no id, class or attribute that names Rapport.

export interface MountedFrame {
  readonly host: HTMLElement;
  unmount(): void;
  /** Puts the frame back if the page's own code removed it. */
  ensureAttached(): void;
  /** Folds the frame to a small handle at the right edge, or unfolds it (the frame stays loaded). */
  setCollapsed(collapsed: boolean): void;
}

/** Below LinkedIn's top navigation bar (52 px), which the sidebar never covers. */
const TOP = '64px';
/** The folded handle: a square tab on the right edge, vertically centred. */
export const HANDLE_SIZE_PX = 44;

const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  position: 'fixed',
  'z-index': '2147483646',
  display: 'block',
  margin: '0',
  padding: '0',
  border: '0',
};

const HOST_OPEN: Record<string, string> = {
  top: TOP,
  right: '12px',
  width: 'min(380px, calc(100vw - 24px))',
  height: `calc(100vh - ${TOP} - 12px)`,
};

const HOST_FOLDED: Record<string, string> = {
  // Centred, but never higher than the open panel's top (short windows).
  top: `max(${TOP}, calc(50vh - ${HANDLE_SIZE_PX / 2}px))`,
  right: '0',
  width: `${HANDLE_SIZE_PX}px`,
  height: `${HANDLE_SIZE_PX}px`,
};

const FRAME_STYLE: Record<string, string> = {
  // The border inside the host's box, not 2px past its right edge.
  'box-sizing': 'border-box',
  width: '100%',
  height: '100%',
  'color-scheme': 'normal',
  display: 'block',
};

const FRAME_OPEN: Record<string, string> = {
  border: '1px solid rgba(0, 0, 0, 0.15)',
  'border-radius': '12px',
  'box-shadow': '0 8px 28px rgba(0, 0, 0, 0.18)',
  background: '#fff',
};

const FRAME_FOLDED: Record<string, string> = {
  border: '0',
  'border-radius': '12px 0 0 12px',
  'box-shadow': '0 2px 10px rgba(0, 0, 0, 0.28)',
  // The handle's own colour, so nothing white flashes while the frame repaints.
  background: '#0b6e4f',
};

function applyStyle(element: HTMLElement, style: Record<string, string>) {
  for (const [property, value] of Object.entries(style)) element.style.setProperty(property, value, 'important');
}

/** `src` is the sidebar page URL with the frame secret in its fragment. */
export function mountSidebarFrame(doc: Document, src: string, options: { collapsed?: boolean } = {}): MountedFrame {
  const host = doc.createElement('div');
  applyStyle(host, HOST_STYLE);
  const root = host.attachShadow({ mode: 'closed' });
  const frame = doc.createElement('iframe');
  frame.title = 'Rapport';
  applyStyle(frame, FRAME_STYLE);
  const setCollapsed = (collapsed: boolean) => {
    applyStyle(host, collapsed ? HOST_FOLDED : HOST_OPEN);
    applyStyle(frame, collapsed ? FRAME_FOLDED : FRAME_OPEN);
  };
  setCollapsed(options.collapsed ?? false);
  frame.src = src;
  root.append(frame);
  doc.documentElement.append(host);
  return {
    host,
    unmount: () => host.remove(),
    ensureAttached: () => {
      if (!host.isConnected) doc.documentElement.append(host);
    },
    setCollapsed,
  };
}
