import type { Request } from '../../utils/messages/client';

/** The manager's "Weekly review" section (`manager.html#view=…`). Placeholder until built. */
export function ReviewView(props: { request: Request; onOpen: (id: number) => void }) {
  void props;
  return (
    <section class="manager-pane" aria-labelledby="section-title">
      <h2 id="section-title">Weekly review</h2>
      <p class="quiet">This week against your goals.</p>
    </section>
  );
}
