import type { ComponentChildren } from 'preact';
import type { SaveState } from './use-settings';

/** "Saving…" / "Saved" for a group, announced politely; a failure is announced at once. */
export function SaveStatus(props: { state: SaveState; saved?: string }) {
  const { state } = props;
  return (
    <>
      <p class="save-status quiet small" role="status" aria-live="polite">
        {state.kind === 'saving' ? 'Saving…' : state.kind === 'saved' ? `✓ ${props.saved ?? 'Saved'}` : ''}
      </p>
      {state.kind === 'failed' && (
        <p class="problem" role="alert">
          Not saved: {state.message}
        </p>
      )}
    </>
  );
}

/** One group of the settings page: a heading, what it is about, its controls and its save status. */
export function SettingsGroup(props: {
  id: string;
  title: string;
  intro?: ComponentChildren;
  state?: SaveState;
  /** What "saved" says (default: "Saved"). */
  saved?: string;
  children: ComponentChildren;
}) {
  const headingId = `${props.id}-heading`;
  return (
    <section class="settings-group" id={props.id} aria-labelledby={headingId}>
      <div class="settings-group-head">
        <h3 id={headingId} tabIndex={-1}>
          {props.title}
        </h3>
        {props.state && <SaveStatus state={props.state} {...(props.saved ? { saved: props.saved } : {})} />}
      </div>
      {props.intro && <p class="quiet settings-intro">{props.intro}</p>}
      {props.children}
    </section>
  );
}
