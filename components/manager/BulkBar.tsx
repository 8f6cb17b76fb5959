import { useEffect, useMemo, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { RapportError, type Request } from '../../utils/messages/client';
import type { BulkAction, UndoToken } from '../../utils/model/bulk';
import type { ManagerList, ManagerRow, ManagerSort, ManagerSortKey } from '../../utils/model/manager';
import { ErrorNote } from '../card/ErrorNote';
import { typeLabel } from '../card/labels';
import { UndoToast } from '../card/UndoToast';
import { ContactTable } from './ContactTable';

const message = (e: unknown) => (e instanceof RapportError || e instanceof Error ? e.message : String(e));
const plural = (n: number) => `${n.toLocaleString()} contact${n === 1 ? '' : 's'}`;

/** `yyyy-mm-dd` of a local date. */
export function dayInput(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The moment a date input means: now for today, local noon for any other day. */
export function dayValue(day: string, now: number): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  if (day === dayInput(now)) return now;
  const at = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12).getTime();
  return Number.isFinite(at) && at >= 0 ? at : null;
}

type Form = 'add-tag' | 'remove-tag' | 'set-type' | 'set-cadence' | 'log-update' | null;

/** What the toast says an action did. */
function done(action: BulkAction, affected: number): string {
  const who = plural(affected);
  switch (action.kind) {
    case 'add-tag':
      return `Tagged ${who} “${action.tag}”.`;
    case 'remove-tag':
      return `Removed “${action.tag}” from ${who}.`;
    case 'set-type':
      return action.type === null ? `Cleared the type of ${who}.` : `Set ${who} to ${typeLabel(action.type)}.`;
    case 'set-cadence':
      return action.days === null ? `${who}: back to the default cadence.` : `${who}: keep in touch every ${action.days} days.`;
    case 'archive':
      return `${action.archived ? 'Archived' : 'Unarchived'} ${who}.`;
    case 'delete':
      return `Deleted ${who}.`;
    case 'log-update':
      return `Logged the update for ${who}.`;
  }
}

/**
 * The bar above the list when contacts are selected: tag, type, cadence, archive, delete and
 * "log an update" for all of them at once. Every action is one request (all or nothing) and
 * ends in an undo toast that sends back what the worker answered.
 */
export function BulkBar(props: {
  request: Request;
  ids: number[];
  /** The selected rows (to offer Unarchive only when some are archived). */
  rows: ManagerRow[];
  facets: ManagerList['facets'] | null;
  onDone: (action: BulkAction) => void;
  onClear: () => void;
  now?: () => number;
}) {
  const { request, ids } = props;
  const now = props.now ?? Date.now;
  const [form, setForm] = useState<Form>(null);
  const [text, setText] = useState('');
  const [day, setDay] = useState(() => dayInput(now()));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [toast, setToast] = useState<{ message: string; undo: UndoToken } | null>(null);
  const anyArchived = props.rows.some((r) => r.archived);
  const anyActive = props.rows.some((r) => !r.archived);

  const run = async (action: BulkAction) => {
    setBusy(true);
    setError(null);
    try {
      const result = await request('contacts.bulk', { ids, action });
      setToast({ message: done(action, result.affected), undo: result.undo });
      setForm(null);
      setText('');
      props.onDone(action);
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };

  const undo = async () => {
    const current = toast;
    setToast(null);
    if (!current) return;
    try {
      if (current.undo.kind === 'delete') await request('contacts.restore', { undo: current.undo });
      else await request('contacts.bulkRestore', { undo: current.undo });
    } catch (e) {
      setError(`Couldn’t undo: ${message(e)}`);
    }
  };

  const open = (next: Form) => {
    setForm((current) => (current === next ? null : next));
    setText('');
    setError(null);
    setDay(dayInput(now()));
  };

  const submit = (event: JSX.TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = text.trim();
    switch (form) {
      case 'add-tag':
      case 'remove-tag':
        if (value) void run({ kind: form, tag: value });
        return;
      case 'set-type':
        void run({ kind: 'set-type', type: value || null });
        return;
      case 'set-cadence': {
        const days = value ? Number(value) : null;
        if (days !== null && !(Number.isInteger(days) && days >= 1 && days <= 3650)) {
          setError('A cadence is a whole number of days, 1 to 3650.');
          return;
        }
        void run({ kind: 'set-cadence', days });
        return;
      }
      case 'log-update': {
        const when = dayValue(day, now());
        if (!value || when === null) {
          setError('Say what you told them, and when.');
          return;
        }
        void run({ kind: 'log-update', summary: value, when });
        return;
      }
    }
  };

  const toastView = toast && (
    <UndoToast message={toast.message} onUndo={() => void undo()} onDismiss={() => setToast(null)} />
  );
  if (!ids.length) return toastView ? <div class="bulk-toast">{toastView}</div> : null;

  const listId = form === 'set-type' ? 'bulk-types' : 'bulk-tags';
  const options = form === 'set-type' ? (props.facets?.types ?? []) : (props.facets?.tags ?? []);
  return (
    <div class="bulk" role="region" aria-label="Bulk actions">
      <div class="bulk-bar" role="toolbar" aria-label={`Act on ${plural(ids.length)}`}>
        <strong class="bulk-count">{ids.length.toLocaleString()} selected</strong>
        <button type="button" aria-pressed={form === 'add-tag'} onClick={() => open('add-tag')} disabled={busy}>
          Add tag…
        </button>
        <button type="button" aria-pressed={form === 'remove-tag'} onClick={() => open('remove-tag')} disabled={busy}>
          Remove tag…
        </button>
        <button type="button" aria-pressed={form === 'set-type'} onClick={() => open('set-type')} disabled={busy}>
          Set type…
        </button>
        <button type="button" aria-pressed={form === 'set-cadence'} onClick={() => open('set-cadence')} disabled={busy}>
          Set cadence…
        </button>
        {anyActive && (
          <button type="button" onClick={() => void run({ kind: 'archive', archived: true })} disabled={busy}>
            Archive
          </button>
        )}
        {anyArchived && (
          <button type="button" onClick={() => void run({ kind: 'archive', archived: false })} disabled={busy}>
            Unarchive
          </button>
        )}
        <button type="button" class="danger" onClick={() => void run({ kind: 'delete' })} disabled={busy}>
          Delete
        </button>
        <button type="button" aria-pressed={form === 'log-update'} onClick={() => open('log-update')} disabled={busy}>
          Log an update…
        </button>
        {ids.length === 2 && (
          // Any two contacts can be merged: the Duplicates section compares them side by side.
          <button type="button" onClick={() => (location.hash = `#view=duplicates&compare=${ids[0]},${ids[1]}`)} disabled={busy}>
            Merge…
          </button>
        )}
        <button type="button" class="link" onClick={props.onClear}>
          Clear selection
        </button>
      </div>
      {form && (
        <form class="bulk-form" onSubmit={submit}>
          {form === 'log-update' ? (
            <>
              <label>
                What you told them
                <textarea
                  value={text}
                  maxLength={1000}
                  rows={2}
                  placeholder="e.g. Told them about the Acme offer"
                  onInput={(e) => setText(e.currentTarget.value)}
                />
              </label>
              <label>
                When
                <input type="date" value={day} onInput={(e) => setDay(e.currentTarget.value)} />
              </label>
            </>
          ) : form === 'set-cadence' ? (
            <label>
              Keep in touch every (days; empty for the default)
              <input type="number" min={1} max={3650} step={1} value={text} onInput={(e) => setText(e.currentTarget.value)} />
            </label>
          ) : (
            <label>
              {form === 'set-type' ? 'Type (empty to clear)' : form === 'add-tag' ? 'Tag to add' : 'Tag to remove'}
              <input
                type="text"
                list={listId}
                maxLength={form === 'set-type' ? 40 : 50}
                value={text}
                onInput={(e) => setText(e.currentTarget.value)}
              />
              <datalist id={listId}>
                {options.map((o) => (
                  <option key={o} value={o} />
                ))}
              </datalist>
            </label>
          )}
          <button type="submit" class="primary" disabled={busy}>
            Apply to {plural(ids.length)}
          </button>
          <button type="button" onClick={() => setForm(null)}>
            Cancel
          </button>
        </form>
      )}
      <ErrorNote error={error} what="Rapport couldn’t do that" />
      {toastView}
    </div>
  );
}

/**
 * The contact table with row checkboxes and the bulk bar above it. The selection keeps only
 * rows still shown (a new filter or a delete drops the others).
 */
export function SelectableContactTable(props: {
  request: Request;
  rows: ManagerRow[];
  facets: ManagerList['facets'] | null;
  sort: ManagerSort;
  onSort: (by: ManagerSortKey) => void;
  selectedId: number | null;
  onOpen: (id: number) => void;
}) {
  const { rows } = props;
  const [checked, setChecked] = useState<ReadonlySet<number>>(() => new Set());

  useEffect(() => {
    setChecked((current) => {
      if (!current.size) return current;
      const shown = new Set(rows.map((r) => r.id));
      const kept = [...current].filter((id) => shown.has(id));
      return kept.length === current.size ? current : new Set(kept);
    });
  }, [rows]);

  const selectedRows = useMemo(() => rows.filter((r) => checked.has(r.id)), [rows, checked]);
  const onCheck = (id: number, on: boolean) =>
    setChecked((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const onCheckAll = (on: boolean) => setChecked(on ? new Set(rows.map((r) => r.id)) : new Set());

  return (
    <>
      <BulkBar
        request={props.request}
        ids={selectedRows.map((r) => r.id)}
        rows={selectedRows}
        facets={props.facets}
        onDone={(action) => action.kind === 'delete' && setChecked(new Set())}
        onClear={() => setChecked(new Set())}
      />
      <ContactTable
        rows={rows}
        sort={props.sort}
        onSort={props.onSort}
        selectedId={props.selectedId}
        onOpen={props.onOpen}
        checked={checked}
        onCheck={onCheck}
        onCheckAll={onCheckAll}
      />
    </>
  );
}
