import type { Request } from '../../utils/messages/client';

/** The manager's "Import & export" section (`manager.html#view=…`). Placeholder until built. */
export function TransferView(props: { request: Request; onOpen: (id: number) => void }) {
  void props;
  return (
    <section class="manager-pane" aria-labelledby="section-title">
      <h2 id="section-title">Import & export</h2>
      <p class="quiet">Bring contacts in from a file, or take everything out.</p>
    </section>
  );
}
