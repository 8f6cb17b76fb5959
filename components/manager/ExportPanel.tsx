import { useState } from 'preact/hooks';
import { RapportError, type Request } from '../../utils/messages/client';
import type { ExportFormat } from '../../utils/messages/transfer-schemas';
import { saveTextFile } from './transfer-files';

const EXPORTS: { format: ExportFormat; label: string; what: string }[] = [
  {
    format: 'backup-json',
    label: 'Back up everything (JSON)',
    what: 'Every contact, interaction, follow-up, company, pitch and setting. The only file that restores everything.',
  },
  { format: 'contacts-csv', label: 'Contacts (CSV)', what: 'One row per contact, for a spreadsheet or another address book.' },
  { format: 'interactions-csv', label: 'Interactions (CSV)', what: 'Every conversation and e-mail you logged, one row each.' },
  { format: 'vcard', label: 'Contacts (vCard 4.0)', what: 'For a phone, Google Contacts, Outlook or Apple Contacts.' },
];

/** Export: each format is one button; the worker writes the text, the page saves it as a file. */
export function ExportPanel(props: { request: Request }) {
  const [working, setWorking] = useState<ExportFormat | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(format: ExportFormat) {
    setWorking(format);
    setError(null);
    setSaved(null);
    try {
      const file = await props.request('export.file', { format });
      saveTextFile(file.fileName, file.mimeType, file.text);
      setSaved(file.fileName);
    } catch (e) {
      setError(e instanceof RapportError || e instanceof Error ? e.message : String(e));
    } finally {
      setWorking(null);
    }
  }

  return (
    <section class="transfer-panel export-panel" aria-labelledby="export-title">
      <h3 id="export-title">Export</h3>
      <ul class="exports">
        {EXPORTS.map(({ format, label, what }) => (
          <li key={format}>
            <button type="button" onClick={() => void run(format)} disabled={working !== null} aria-describedby={`export-${format}`}>
              {working === format ? 'Preparing…' : label}
            </button>
            <span id={`export-${format}`} class="quiet">
              {what}
            </span>
          </li>
        ))}
      </ul>
      <p role="status" class="quiet">
        {saved ? `Saved ${saved} to your downloads.` : ''}
      </p>
      {error && (
        <p class="problem" role="alert">
          The export failed: {error}
        </p>
      )}
    </section>
  );
}
