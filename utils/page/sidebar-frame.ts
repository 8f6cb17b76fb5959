// The in-page sidebar: an extension page in an iframe inside a closed shadow root, so the
// host page can neither read it, restyle it, nor hear what is typed into it. The host element
// carries no id, class or attribute that names Rapport.

export interface MountedFrame {
  readonly host: HTMLElement;
  unmount(): void;
  /** Puts the frame back if the page's own code removed it. */
  ensureAttached(): void;
}

const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  position: 'fixed',
  top: '64px',
  right: '12px',
  width: 'min(380px, calc(100vw - 24px))',
  height: 'calc(100vh - 76px)',
  'z-index': '2147483646',
  display: 'block',
  margin: '0',
  padding: '0',
  border: '0',
};

const FRAME_STYLE: Record<string, string> = {
  width: '100%',
  height: '100%',
  border: '1px solid rgba(0, 0, 0, 0.15)',
  'border-radius': '12px',
  'box-shadow': '0 8px 28px rgba(0, 0, 0, 0.18)',
  background: '#fff',
  'color-scheme': 'normal',
  display: 'block',
};

function applyStyle(element: HTMLElement, style: Record<string, string>) {
  for (const [property, value] of Object.entries(style)) element.style.setProperty(property, value, 'important');
}

/** `src` is the sidebar page URL with the frame secret in its fragment. */
export function mountSidebarFrame(doc: Document, src: string): MountedFrame {
  const host = doc.createElement('div');
  applyStyle(host, HOST_STYLE);
  const root = host.attachShadow({ mode: 'closed' });
  const frame = doc.createElement('iframe');
  frame.title = 'Rapport';
  applyStyle(frame, FRAME_STYLE);
  frame.src = src;
  root.append(frame);
  doc.documentElement.append(host);
  return {
    host,
    unmount: () => host.remove(),
    ensureAttached: () => {
      if (!host.isConnected) doc.documentElement.append(host);
    },
  };
}
