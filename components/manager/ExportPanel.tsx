import { useEffect, useState } from 'preact/hooks';
import { RapportError, type Request } from '../../utils/messages/client';
import type { BackupStatus } from '../../utils/model/review';
import { lastBackupText } from '../../utils/review/backup';
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
  const [backup, setBackup] = useState<BackupStatus | null>(null);
  const [backupTick, setBackupTick] = useState(0);

  useEffect(() => {
    let live = true;
    // Extra: without it the exports still work.
    props.request('backup.status', {}).then(
      (answer) => live && setBackup(answer),
      () => live && setBackup(null),
    );
    return () => {
      live = false;
    };
  }, [props.request, backupTick]);

  async function run(format: ExportFormat) {
    setWorking(format);
    setError(null);
    setSaved(null);
    try {
      const file = await props.request('export.file', { format });
      saveTextFile(file.fileName, file.mimeType, file.text);
      setSaved(file.fileName);
      if (format === 'backup-json') setBackupTick((t) => t + 1);
    } catch (e) {
      setError(e instanceof RapportError || e instanceof Error ? e.message : String(e));
    } finally {
      setWorking(null);
    }
  }

  return (
    <section class="transfer-panel export-panel" aria-labelledby="export-title">
      <h3 id="export-title">Export</h3>
      {backup && (
        <p class="quiet backup-status">
          {lastBackupText(backup.lastBackupAt, Date.now())}
          {backup.reminderEnabled ? ' · a weekly reminder is on' : ' · a weekly reminder can be turned on in Settings'}
        </p>
      )}
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
