import type { Request } from '../../utils/messages/client';

/** The manager's "Duplicates" section (`manager.html#view=…`). Placeholder until built. */
export function DuplicatesView(props: { request: Request; onOpen: (id: number) => void }) {
  void props;
  return (
    <section class="manager-pane" aria-labelledby="section-title">
      <h2 id="section-title">Duplicates</h2>
      <p class="quiet">Find and merge contacts you have twice.</p>
    </section>
  );
}
