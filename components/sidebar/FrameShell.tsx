import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import './frame-shell.css';

/**
 * The chrome around the sidebar app where it is hosted: in the page (a toolbar to fold it to
 * a handle, or move it to the browser's side panel) or in the side panel (a way back into the
 * page). The app itself stays mounted while folded, so nothing typed is lost.
 */
export function FrameShell(props: {
  host: 'page' | 'panel';
  /** In the page: folded to the handle. */
  collapsed?: boolean;
  onCollapse?: () => void;
  onExpand?: () => void;
  /** In the page, where the browser has a side panel. */
  onOpenSidePanel?: () => void;
  /** What the browser calls its panel ("side panel" in Chrome, "sidebar" in Firefox). */
  panelName?: string;
  /** In the side panel. */
  onShowInPage?: () => void;
  /** The keyboard shortcut that shows or hides the sidebar, as the browser reports it. */
  shortcut?: string;
  /** A problem to tell the user about (e.g. the side panel would not open). */
  problem?: string | null;
  /** Show the toolbar (false until the worker has recognised this frame as Rapport's own). */
  controls?: boolean;
  children: ComponentChildren;
}) {
  const { host, shortcut } = props;
  const collapsed = host === 'page' && Boolean(props.collapsed);
  const handle = useRef<HTMLButtonElement>(null);
  const collapse = useRef<HTMLButtonElement>(null);
  const firstRender = useRef(true);

  useLayoutEffect(() => {
    document.documentElement.toggleAttribute('data-collapsed', collapsed);
  }, [collapsed]);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    // Keep keyboard focus where the user is: the control that undoes what just happened.
    // Only if focus was in this frame — a change made in another tab must not steal it.
    if (!document.hasFocus()) return;
    (collapsed ? handle : collapse).current?.focus();
  }, [collapsed]);

  const hint = (label: string) => (shortcut ? `${label} (${shortcut})` : label);
  const keys = shortcut && /^[A-Za-z0-9]+(\+[A-Za-z0-9]+)*$/.test(shortcut) ? shortcut : undefined;

  return (
    <>
      {collapsed && (
        <button
          ref={handle}
          type="button"
          class="shell-handle"
          aria-label="Open the Rapport sidebar"
          aria-keyshortcuts={keys}
          title={hint('Open the Rapport sidebar')}
          onClick={props.onExpand}
        >
          <LogoIcon />
        </button>
      )}
      <div class="shell" hidden={collapsed}>
        <div class="shell-tools" hidden={props.controls === false}>
          {host === 'page' && props.onOpenSidePanel && (
            <button
              type="button"
              class="shell-button"
              aria-label={`Open in ${props.panelName ?? 'side panel'}`}
              title={`Open in the browser’s ${props.panelName ?? 'side panel'}`}
              onClick={props.onOpenSidePanel}
            >
              <SidePanelIcon />
            </button>
          )}
          {host === 'page' && (
            <button
              ref={collapse}
              type="button"
              class="shell-button"
              aria-label="Collapse the Rapport sidebar"
              aria-keyshortcuts={keys}
              title={hint('Collapse to a handle')}
              onClick={props.onCollapse}
            >
              <CollapseIcon />
            </button>
          )}
          {host === 'panel' && props.onShowInPage && (
            <button
              type="button"
              class="shell-button"
              aria-label="Show in the page"
              title="Show Rapport in the page instead"
              onClick={props.onShowInPage}
            >
              <InPageIcon />
            </button>
          )}
        </div>
        {props.problem && (
          <p class="shell-problem problem" role="alert">
            {props.problem}
          </p>
        )}
        {props.children}
      </div>
    </>
  );
}

const iconProps = {
  'aria-hidden': 'true' as const,
  width: 18,
  height: 18,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  'stroke-width': 2,
  'stroke-linecap': 'round' as const,
  'stroke-linejoin': 'round' as const,
  focusable: 'false' as const,
};

/** Rapport's two linked rings. */
function LogoIcon() {
  return (
    <svg {...iconProps} width={24} height={24} stroke-width={2.4}>
      <circle cx="8.5" cy="12" r="5" />
      <circle cx="15.5" cy="12" r="5" />
    </svg>
  );
}

/** A chevron towards the edge the sidebar folds into. */
function CollapseIcon() {
  return (
    <svg {...iconProps}>
      <path d="M9 5l7 7-7 7" />
    </svg>
  );
}

/** A window with a pane on its right. */
function SidePanelIcon() {
  return (
    <svg {...iconProps}>
      <rect x="3" y="4" width="18" height="16" rx="2" />
      <path d="M15 4v16" />
    </svg>
  );
}

/** A window with a card floating inside it. */
function InPageIcon() {
  return (
    <svg {...iconProps}>
      <rect x="3" y="4" width="18" height="16" rx="2" />
      <rect x="12.5" y="8" width="5" height="8.5" rx="1" />
    </svg>
  );
}
