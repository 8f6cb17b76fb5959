import { useRef, useState } from 'preact/hooks';
import { HiddenFileInput } from './HiddenFileInput';
import { RapportError, type Request } from '../../utils/messages/client';
import type { ResponseOf } from '../../utils/messages/contract';
import { MAX_BACKUP_CHARS, type RestorePreview } from '../../utils/messages/transfer-schemas';
import { newJobId, readFileBytes } from './transfer-files';
import { ProgressBar, useTransferProgress } from './TransferProgress';
import { plural, TABLE_LABELS, tooLargeMessage } from './transfer-text';

type Stage =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'failed'; fileName: string; message: string }
  | { kind: 'preview'; fileName: string; text: string; preview: RestorePreview; error?: string }
  | { kind: 'applying'; fileName: string; text: string; preview: RestorePreview }
  | { kind: 'done'; fileName: string; result: ResponseOf<'restore.apply'> };

const TABLES = Object.keys(TABLE_LABELS) as (keyof RestorePreview['counts'])[];
const messageOf = (e: unknown) => (e instanceof RapportError || e instanceof Error ? e.message : String(e));
const nothingWritten = (text: string) => (/nothing was (imported|written|restored)/i.test(text) ? text : `${text} Nothing was restored.`);

/** Restore from a JSON backup: what it would add, what is identical, what differs; then restore. */
export function RestorePanel(props: { request: Request }) {
  const { request } = props;
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [overwrite, setOverwrite] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const tracker = useTransferProgress();
  const busy = stage.kind === 'busy' || stage.kind === 'applying';

  async function pick(file: File | undefined) {
    if (!file || busy) return;
    // UTF-8 takes at least one byte a character: a larger file cannot fit.
    if (file.size > MAX_BACKUP_CHARS * 4) return setStage({ kind: 'failed', fileName: file.name, message: tooLargeMessage(file.size, MAX_BACKUP_CHARS) });
    setStage({ kind: 'busy' });
    setOverwrite(false);
    const job = newJobId();
    try {
      const bytes = await readFileBytes(file, (done, total) => tracker.set({ phase: 'reading', done, total }));
      const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
      if (!text.trim()) return setStage({ kind: 'failed', fileName: file.name, message: 'The file is empty. Nothing was restored.' });
      if (text.length > MAX_BACKUP_CHARS) return setStage({ kind: 'failed', fileName: file.name, message: tooLargeMessage(file.size, MAX_BACKUP_CHARS) });
      tracker.follow(job);
      tracker.set({ phase: 'sending', done: 0, total: 0 });
      const preview = await request('restore.preview', { backupText: text, job });
      if (preview.problems.length) {
        const message = preview.problems.map((p) => (p.line !== undefined && !/\bline \d+/i.test(p.message) ? `Line ${p.line}: ${p.message}` : p.message)).join(' ');
        return setStage({ kind: 'failed', fileName: file.name, message: nothingWritten(message) });
      }
      setStage({ kind: 'preview', fileName: file.name, text, preview });
    } catch (e) {
      setStage({ kind: 'failed', fileName: file.name, message: nothingWritten(messageOf(e)) });
    } finally {
      tracker.follow(null);
      tracker.set(null);
    }
  }

  async function apply(current: Extract<Stage, { kind: 'preview' }>) {
    const job = newJobId();
    tracker.follow(job);
    tracker.set({ phase: 'sending', done: 0, total: 0 });
    setStage({ kind: 'applying', fileName: current.fileName, text: current.text, preview: current.preview });
    try {
      const result = await request('restore.apply', { backupText: current.text, planHash: current.preview.planHash, overwriteConflicts: overwrite, job });
      setStage({ kind: 'done', fileName: current.fileName, result });
    } catch (e) {
      setStage({ ...current, error: nothingWritten(messageOf(e)) });
    } finally {
      tracker.follow(null);
      tracker.set(null);
    }
  }

  async function previewAgain(current: Extract<Stage, { kind: 'preview' }>) {
    try {
      const preview = await request('restore.preview', { backupText: current.text });
      setStage({ ...current, preview, error: undefined });
    } catch (e) {
      setStage({ ...current, error: nothingWritten(messageOf(e)) });
    }
  }

  const chooser = (label: string) => (
    <button type="button" onClick={() => input.current?.click()} disabled={busy}>
      {label}
    </button>
  );

  return (
    <section class="transfer-panel restore-panel" aria-labelledby="restore-title">
      <h3 id="restore-title">Restore from a backup</h3>
      <HiddenFileInput
        inputRef={input}
        label="Backup file to restore"
        accept=".json,application/json"
        onPick={(file) => void pick(file)}
      />
      {stage.kind === 'idle' && (
        <>
          <p>
            Pick a Rapport backup (.json). What it adds and what differs from your current data is shown first; nothing is
            replaced unless you say so.
          </p>
          {chooser('Choose a backup…')}
        </>
      )}
      {busy && tracker.progress && <ProgressBar progress={tracker.progress} label="Restore progress" noun="records" />}
      {stage.kind === 'failed' && (
        <div class="transfer-refused">
          <p class="problem" role="alert">
            <strong>{stage.fileName}</strong> can’t be restored. {stage.message}
          </p>
          {chooser('Choose another backup…')}
        </div>
      )}
      {(stage.kind === 'preview' || stage.kind === 'applying') && (
        <RestoreSummary
          stage={stage}
          overwrite={overwrite}
          onOverwrite={setOverwrite}
          onApply={() => stage.kind === 'preview' && void apply(stage)}
          onPreviewAgain={() => stage.kind === 'preview' && void previewAgain(stage)}
          chooser={chooser}
        />
      )}
      {stage.kind === 'done' && <RestoreDone result={stage.result} fileName={stage.fileName} onAgain={() => setStage({ kind: 'idle' })} />}
    </section>
  );
}

function RestoreSummary(props: {
  stage: Extract<Stage, { kind: 'preview' } | { kind: 'applying' }>;
  overwrite: boolean;
  onOverwrite: (on: boolean) => void;
  onApply: () => void;
  onPreviewAgain: () => void;
  chooser: (label: string) => preact.JSX.Element;
}) {
  const { stage } = props;
  const { preview } = stage;
  const editable = stage.kind === 'preview';
  const conflicts = TABLES.reduce((n, t) => n + preview.counts[t].conflicting, 0);
  const creates = TABLES.reduce((n, t) => n + preview.counts[t].create, 0);
  const writes = creates + (props.overwrite ? conflicts : 0);
  return (
    <div class="restore-preview" aria-busy={!editable}>
      <p class="detected">
        <strong>{stage.fileName}</strong> — Rapport backup
      </p>
      <table class="restore-counts">
        <caption class="visually-hidden">What restoring this backup would do</caption>
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">Added</th>
            <th scope="col">Already identical</th>
            <th scope="col">Different from yours</th>
          </tr>
        </thead>
        <tbody>
          {TABLES.map((t) => (
            <tr key={t}>
              <th scope="row">{TABLE_LABELS[t]}</th>
              <td>{preview.counts[t].create.toLocaleString('en-US')}</td>
              <td>{preview.counts[t].skip.toLocaleString('en-US')}</td>
              <td>{preview.counts[t].conflicting.toLocaleString('en-US')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {preview.warnings.length > 0 && (
        <ul class="notices" aria-label="Notices">
          {preview.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
      {preview.remapped.length > 0 && (
        <p class="quiet">{plural(preview.remapped.length, 'record')} will get a new id (the backup’s is taken by another record).</p>
      )}
      {conflicts > 0 && (
        <div class="conflicts">
          <p>
            {plural(conflicts, 'record')} {conflicts === 1 ? 'differs' : 'differ'} from your current version.{' '}
            {conflicts === 1 ? 'It stays as it is' : 'They stay as they are'} unless you choose otherwise:
          </p>
          <details>
            <summary>Show them</summary>
            <ul>
              {preview.conflicts.map((c) => (
                <li key={`${c.table}-${c.id}`}>
                  {TABLE_LABELS[c.table]}: {c.label || `#${c.id}`}
                </li>
              ))}
            </ul>
          </details>
          <label class="check">
            <input type="checkbox" checked={props.overwrite} disabled={!editable} onChange={(e) => props.onOverwrite(e.currentTarget.checked)} />{' '}
            Replace my current versions with the backup’s
          </label>
        </div>
      )}
      {stage.kind === 'preview' && stage.error && (
        <div class="transfer-refused">
          <p class="problem" role="alert">
            {stage.error}
          </p>
          <button type="button" onClick={props.onPreviewAgain}>
            Preview again
          </button>
        </div>
      )}
      <div class="import-actions">
        {writes > 0 ? (
          <button type="button" class="primary" disabled={!editable} onClick={props.onApply}>
            Restore {plural(writes, 'record')}
          </button>
        ) : (
          <p>Everything in this backup is already here: there is nothing to restore.</p>
        )}{' '}
        {props.chooser('Choose another backup…')}
      </div>
    </div>
  );
}

function RestoreDone(props: { result: ResponseOf<'restore.apply'>; fileName: string; onAgain: () => void }) {
  const { counts } = props.result;
  const parts = TABLES.filter((t) => counts[t].created || counts[t].overwritten).map((t) => {
    const { created, overwritten } = counts[t];
    const bits = [created ? `${created.toLocaleString('en-US')} added` : '', overwritten ? `${overwritten.toLocaleString('en-US')} replaced` : ''];
    return `${TABLE_LABELS[t]}: ${bits.filter(Boolean).join(', ')}`;
  });
  return (
    <div class="import-done" role="status">
      <p>
        <strong>Restored {props.fileName}.</strong> {parts.length ? `${parts.join('; ')}.` : 'Nothing needed restoring.'}
      </p>
      <button type="button" onClick={props.onAgain}>
        Restore another backup
      </button>
    </div>
  );
}
