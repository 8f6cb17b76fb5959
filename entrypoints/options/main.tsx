// Rapport's options page (the browser's "Options" / "Extension options" menu, and "All
// settings…" in the popup): the same settings page as the manager's Settings section.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { SettingsView } from '../../components/manager/SettingsView';
import { createClient } from '../../utils/messages/client';
import '../sidebar/sidebar.css';
import '../manager/manager.css';

const managerUrl = (hash = '') => `${browser.runtime.getURL('/manager.html' as '/')}${hash}`;

function OptionsPage() {
  return (
    <div class="manager manager-section options-page">
      <header class="manager-header">
        <nav class="manager-nav" aria-label="Rapport">
          <span class="brand">Rapport</span>
          <a href={managerUrl()}>Manage contacts</a>
        </nav>
      </header>
      <main class="manager-section-body">
        <SettingsView request={createClient()} onOpen={(id) => location.assign(managerUrl(`#contact=${id}`))} />
      </main>
    </div>
  );
}

render(<OptionsPage />, document.getElementById('app')!);
