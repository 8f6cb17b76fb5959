import type { Request } from '../../utils/messages/client';

/** The manager's "Settings" section (`manager.html#view=…`). Placeholder until built. */
export function SettingsView(props: { request: Request; onOpen: (id: number) => void }) {
  void props;
  return (
    <section class="manager-pane" aria-labelledby="section-title">
      <h2 id="section-title">Settings</h2>
      <p class="quiet">How Rapport behaves.</p>
    </section>
  );
}
