import { useRef, useState } from 'preact/hooks';
import { HiddenFileInput } from './HiddenFileInput';
import { RapportError, type Request } from '../../utils/messages/client';
import { MAX_IMPORT_BYTES, type ImportPreview } from '../../utils/messages/transfer-schemas';
import type { ResponseOf } from '../../utils/messages/contract';
import { bytesToBase64 } from '../../utils/transfer/base64';
import { columnSamples } from '../../utils/transfer/column-samples';
import type { ColumnMapping as Mapping } from '../../utils/transfer/csv-import';
import { ColumnMapping } from './ColumnMapping';
import { ImportSummary } from './ImportSummary';
import { newJobId, readFileBytes } from './transfer-files';
import { ProgressBar, useTransferProgress } from './TransferProgress';
import { FORMAT_LABELS, plural, tooLargeMessage } from './transfer-text';

/** The picked file as the worker gets it (kept between preview and apply: apply re-reads it). */
interface Picked {
  fileName: string;
  data: string;
  /** Generic CSV: a few values of each column. */
  samples: string[][];
}

type Stage =
  | { kind: 'idle' }
  | { kind: 'busy'; fileName: string }
  | { kind: 'failed'; fileName: string; message: string }
  | { kind: 'preview'; file: Picked; preview: ImportPreview; mapping?: Mapping; updating: boolean; applyError?: string }
  | { kind: 'applying'; file: Picked; preview: ImportPreview }
  | { kind: 'done'; fileName: string; result: ResponseOf<'import.apply'> };

const messageOf = (e: unknown) => (e instanceof RapportError || e instanceof Error ? e.message : String(e));
const nothingWritten = (text: string) => (/nothing was (imported|written)/i.test(text) ? text : `${text} Nothing was imported.`);

/**
 * Import: pick or drop a file → the worker's preview (what will be created, updated, skipped)
 * → for a generic CSV, the column mapping → "Import N contacts" with the preview's plan hash.
 */
export function ImportPanel(props: { request: Request; onSeeContacts: () => void }) {
  const { request } = props;
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [acceptOffered, setAcceptOffered] = useState(false);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const tracker = useTransferProgress();
  const busy = stage.kind === 'busy' || stage.kind === 'applying' || (stage.kind === 'preview' && stage.updating);

  async function preview(file: Picked, mapping?: Mapping, previous?: Extract<Stage, { kind: 'preview' }>) {
    const job = newJobId();
    tracker.follow(job);
    tracker.set({ phase: 'sending', done: 0, total: 0 });
    setStage(previous ? { ...previous, updating: true, applyError: undefined } : { kind: 'busy', fileName: file.fileName });
    try {
      const answer = await request('import.preview', { fileName: file.fileName, data: file.data, job, ...(mapping ? { mapping } : {}) });
      setAcceptOffered(false);
      setStage({ kind: 'preview', file, preview: answer, ...(answer.mapping ? { mapping: answer.mapping } : {}), updating: false });
    } catch (e) {
      setStage({ kind: 'failed', fileName: file.fileName, message: nothingWritten(messageOf(e)) });
    } finally {
      tracker.follow(null);
      tracker.set(null);
    }
  }

  async function pick(file: File | undefined) {
    if (!file || busy) return;
    if (file.size > MAX_IMPORT_BYTES) return setStage({ kind: 'failed', fileName: file.name, message: tooLargeMessage(file.size, MAX_IMPORT_BYTES) });
    if (file.size === 0) return setStage({ kind: 'failed', fileName: file.name, message: 'The file is empty. Nothing was imported.' });
    setStage({ kind: 'busy', fileName: file.name });
    tracker.set({ phase: 'reading', done: 0, total: file.size });
    let bytes: Uint8Array;
    try {
      bytes = await readFileBytes(file, (done, total) => tracker.set({ phase: 'reading', done, total }));
    } catch (e) {
      tracker.set(null);
      return setStage({ kind: 'failed', fileName: file.name, message: nothingWritten(messageOf(e)) });
    }
    const picked: Picked = { fileName: file.name.slice(0, 255) || 'file', data: bytesToBase64(bytes), samples: [] };
    await preview(picked);
    // Samples only matter for the mapping step; read after the preview so they never delay it.
    setStage((s) => (s.kind === 'preview' && s.preview.format === 'generic-csv' ? { ...s, file: { ...s.file, samples: columnSamples(file.name, bytes) } } : s));
  }

  async function apply(current: Extract<Stage, { kind: 'preview' }>) {
    const { file, preview: shown, mapping } = current;
    const job = newJobId();
    tracker.follow(job);
    tracker.set({ phase: 'sending', done: 0, total: 0 });
    setStage({ kind: 'applying', file, preview: shown });
    try {
      const result = await request('import.apply', {
        fileName: file.fileName,
        data: file.data,
        planHash: shown.planHash,
        acceptOffered,
        job,
        ...(mapping ? { mapping } : {}),
      });
      setStage({ kind: 'done', fileName: file.fileName, result });
    } catch (e) {
      setStage({ ...current, updating: false, applyError: nothingWritten(messageOf(e)) });
    } finally {
      tracker.follow(null);
      tracker.set(null);
    }
  }

  const reset = () => {
    setStage({ kind: 'idle' });
    if (input.current) input.current.value = '';
  };

  const chooser = (label: string) => (
    <button type="button" onClick={() => input.current?.click()} disabled={busy}>
      {label}
    </button>
  );

  return (
    <section
      class={`transfer-panel import-panel${dragging ? ' dragging' : ''}`}
      aria-labelledby="import-title"
      onDragOver={(e) => {
        if (!e.dataTransfer?.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        void pick(e.dataTransfer?.files[0]);
      }}
    >
      <h3 id="import-title">Import contacts</h3>
      <HiddenFileInput
        inputRef={input}
        label="File to import"
        accept=".csv,.tsv,.txt,.vcf,.vcard,text/csv,text/vcard"
        onPick={(file) => void pick(file)}
      />

      {stage.kind === 'idle' && (
        <div class="dropzone">
          <p>
            LinkedIn’s <em>Connections.csv</em>, a Google or Outlook contacts export, vCards (.vcf) or any CSV. You see what
            will happen before anything is written.
          </p>
          {chooser('Choose a file…')} <span class="quiet">or drop it here</span>
        </div>
      )}

      {(stage.kind === 'busy' || stage.kind === 'applying' || (stage.kind === 'preview' && stage.updating)) && tracker.progress && (
        <ProgressBar progress={tracker.progress} label={stage.kind === 'applying' ? 'Import progress' : 'Reading the file'} />
      )}

      {stage.kind === 'failed' && (
        <div class="transfer-refused">
          <p class="problem" role="alert">
            <strong>{stage.fileName}</strong> can’t be imported. {stage.message}
          </p>
          {chooser('Choose another file…')}
        </div>
      )}

      {(stage.kind === 'preview' || stage.kind === 'applying') && (
        <PreviewBlock
          stage={stage}
          acceptOffered={acceptOffered}
          onAcceptOffered={setAcceptOffered}
          onMapping={(mapping) => stage.kind === 'preview' && void preview(stage.file, mapping, stage)}
          onApply={() => stage.kind === 'preview' && void apply(stage)}
          onPreviewAgain={() => stage.kind === 'preview' && void preview(stage.file, stage.mapping, stage)}
          chooser={chooser}
        />
      )}

      {stage.kind === 'done' && (
        <div class="import-done" role="status">
          <p>
            <strong>Imported {stage.fileName}:</strong> {plural(stage.result.counts.created, 'contact')} created,{' '}
            {plural(stage.result.counts.updated, 'contact')} updated
            {stage.result.counts.skipped ? `, ${plural(stage.result.counts.skipped, 'row')} skipped` : ''}.
          </p>
          <button type="button" class="primary" onClick={props.onSeeContacts}>
            See the imported contacts
          </button>{' '}
          <button type="button" onClick={reset}>
            Import another file
          </button>
        </div>
      )}
    </section>
  );
}

function PreviewBlock(props: {
  stage: Extract<Stage, { kind: 'preview' } | { kind: 'applying' }>;
  acceptOffered: boolean;
  onAcceptOffered: (on: boolean) => void;
  onMapping: (mapping: Mapping) => void;
  onApply: () => void;
  onPreviewAgain: () => void;
  chooser: (label: string) => preact.JSX.Element;
}) {
  const { stage } = props;
  const { preview, file } = stage;
  const editable = stage.kind === 'preview' && !stage.updating;
  const refused = preview.counts.problems > 0;
  const toImport = preview.counts.create + preview.counts.update;
  const offeredCount = preview.update.filter((u) => Object.keys(u.offered).length > 0).length;
  const mapping = stage.kind === 'preview' ? stage.mapping : undefined;
  return (
    <div class="import-preview" aria-busy={!editable}>
      <p class="detected">
        <strong>{file.fileName}</strong> — {FORMAT_LABELS[preview.format]}
      </p>
      {preview.notices.length > 0 && (
        <ul class="notices" aria-label="Notices">
          {preview.notices.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
      {preview.format === 'generic-csv' && preview.headers && mapping && (
        <ColumnMapping headers={preview.headers} mapping={mapping} samples={file.samples} disabled={!editable} onChange={props.onMapping} />
      )}
      {refused ? (
        <div class="transfer-refused" role="alert">
          <p class="problem">This file can’t be imported as it is. Nothing was written.</p>
          <ul class="problems">
            {preview.problems.map((p, i) => (
              <li key={i}>{p.line !== undefined && !/\bline \d+/i.test(p.message) ? `Line ${p.line}: ${p.message}` : p.message}</li>
            ))}
          </ul>
          {preview.counts.problems > preview.problems.length && (
            <p class="quiet">…and {(preview.counts.problems - preview.problems.length).toLocaleString('en-US')} more.</p>
          )}
        </div>
      ) : (
        <>
          <h4>Before anything is written, this is what will happen:</h4>
          <ImportSummary preview={preview} />
          {toImport === 0 && <p>Nothing in this file is new to Rapport.</p>}
          {offeredCount > 0 && (
            <label class="check offered-choice">
              <input
                type="checkbox"
                checked={props.acceptOffered}
                disabled={!editable}
                onChange={(e) => props.onAcceptOffered(e.currentTarget.checked)}
              />{' '}
              Also take the file’s newer headline, company, title or location for {plural(offeredCount, 'contact')}
            </label>
          )}
        </>
      )}
      {stage.kind === 'preview' && stage.applyError && (
        <div class="transfer-refused">
          <p class="problem" role="alert">
            {stage.applyError}
          </p>
          <button type="button" onClick={props.onPreviewAgain}>
            Preview again
          </button>
        </div>
      )}
      <div class="import-actions">
        {/* After a refused apply the preview may be stale: only "Preview again" goes on. */}
        {!refused && toImport > 0 && !(stage.kind === 'preview' && stage.applyError) && (
          <button type="button" class="primary" disabled={!editable} onClick={props.onApply}>
            Import {plural(toImport, 'contact')}
          </button>
        )}{' '}
        {props.chooser(refused || toImport === 0 ? 'Choose another file…' : 'Choose a different file…')}
      </div>
    </div>
  );
}
