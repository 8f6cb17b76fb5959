import type { Request } from '../../utils/messages/client';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { navigate } from './manager-nav';
import { RestorePanel } from './RestorePanel';

/** The manager's "Import & export" section (`manager.html#view=transfer`): import, export, restore. */
export function TransferView(props: { request: Request; onOpen: (id: number) => void }) {
  return (
    <section class="manager-pane transfer" aria-labelledby="section-title">
      <h2 id="section-title">Import & export</h2>
      <p class="quiet">Bring contacts in from a file, or take everything out. Files never leave this computer.</p>
      <ImportPanel request={props.request} onSeeContacts={() => navigate('contacts')} />
      <ExportPanel request={props.request} />
      <RestorePanel request={props.request} />
    </section>
  );
}
