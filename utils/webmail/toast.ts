// A small confirmation in a mail page ("Logged in Rapport: e-mail to Ada Lovelace · Undo"),
// in a closed shadow root like the badges, built with DOM APIs only.

const CSS = `
:host { all: initial !important; }
div {
  position: fixed; right: 24px; bottom: 24px; z-index: 2147483646;
  display: flex; align-items: center; gap: 12px; max-width: min(440px, calc(100vw - 48px));
  padding: 10px 12px 10px 16px; border-radius: 8px;
  font: 14px/1.4 Roboto, "Segoe UI", -apple-system, BlinkMacSystemFont, "Helvetica Neue", Arial, sans-serif;
  color: #fff; background: #1f2a25; box-shadow: 0 6px 20px rgba(0,0,0,.25);
}
p { margin: 0; flex: 1; }
button { all: unset; cursor: pointer; padding: 4px 8px; border-radius: 4px; font-weight: 600; color: #9fe3c4; }
button:hover { background: rgba(255,255,255,.1); }
button:focus-visible { outline: 2px solid #9fe3c4; }
button.close { color: #fff; font-weight: 400; }
button[hidden] { display: none; }
`;

export interface Toast {
  set(message: string, withUndo: boolean): void;
  remove(): void;
}

export function showToast(
  doc: Document,
  message: string,
  options: { onUndo?: () => void; timeoutMs?: number } = {},
): Toast {
  const host = doc.createElement('span');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const box = doc.createElement('div');
  box.setAttribute('role', 'status');
  box.setAttribute('aria-live', 'polite');
  const text = doc.createElement('p');
  const undo = doc.createElement('button');
  undo.type = 'button';
  undo.textContent = 'Undo';
  const close = doc.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.textContent = '×';
  close.setAttribute('aria-label', 'Dismiss');
  box.append(text, undo, close);
  root.append(style, box);

  let timer: ReturnType<typeof setTimeout> | undefined;
  const remove = () => {
    clearTimeout(timer);
    host.remove();
  };
  // Stays while pointed at or focused: nobody should have to race a disappearing Undo.
  let pointed = false;
  let focused = false;
  const arm = () => {
    clearTimeout(timer);
    if (!pointed && !focused) timer = setTimeout(remove, options.timeoutMs ?? 10_000);
  };
  box.addEventListener('mouseenter', () => {
    pointed = true;
    arm();
  });
  box.addEventListener('mouseleave', () => {
    pointed = false;
    arm();
  });
  box.addEventListener('focusin', () => {
    focused = true;
    arm();
  });
  box.addEventListener('focusout', () => {
    focused = false;
    arm();
  });
  undo.addEventListener('click', () => options.onUndo?.());
  close.addEventListener('click', remove);

  const set = (next: string, withUndo: boolean) => {
    text.textContent = next;
    undo.hidden = !withUndo || !options.onUndo;
    arm();
  };
  set(message, true);
  doc.documentElement.append(host);
  return { set, remove };
}
