import { useEffect, useRef, useState } from 'preact/hooks';
import { onBroadcast, RapportError, type Request } from '../../utils/messages/client';
import type { DuplicateList, DuplicateSide, DuplicateSuggestion, MergeResult } from '../../utils/model/duplicates';
import { ErrorNote } from '../card/ErrorNote';
import { UndoToast } from '../card/UndoToast';
import { MergeCompare } from './MergeCompare';
import { reasonText } from './merge-labels';

const message = (e: unknown) => (e instanceof RapportError || e instanceof Error ? e.message : String(e));
/** Suggestions are shown a page at a time: a big import can produce hundreds. */
export const PAGE = 100;

interface Toast {
  message: string;
  undo: () => Promise<unknown>;
  /** The merged contact, which the toast offers to open. */
  open?: { id: number; name: string };
}

/** The pair a URL asks to compare (`#view=duplicates&compare=3,17`: any two contacts, e.g. from the list's selection), or null. */
export function compareFromHash(hash: string): readonly [number, number] | null {
  const raw = new URLSearchParams(hash.replace(/^#/, '')).get('compare');
  const match = raw ? /^([1-9]\d{0,15}),([1-9]\d{0,15})$/.exec(raw) : null;
  if (!match) return null;
  const a = Number(match[1]);
  const b = Number(match[2]);
  return a !== b && Number.isSafeInteger(a) && Number.isSafeInteger(b) ? [a, b] : null;
}

function Person(props: { side: DuplicateSide }) {
  const { side } = props;
  const detail = [side.title, side.company].filter(Boolean).join(' at ');
  return (
    <span class="duplicate-person">
      <strong>{side.name}</strong>
      {detail && <span class="quiet"> · {detail}</span>}
      {side.archived && <span class="badge">Archived</span>}
    </span>
  );
}

/**
 * The manager's "Duplicates" section (`manager.html#view=duplicates`): contacts that are
 * probably the same person, each with its reasons; Compare opens the side-by-side merge, "Not
 * the same person" hides the pair for good (remembered by the worker). Merging and dismissing
 * both end in an undo toast. Live: reloads on contacts-changed.
 */
export function DuplicatesView(props: { request: Request; onOpen: (id: number) => void }) {
  const { request } = props;
  const [list, setList] = useState<DuplicateList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [comparing, setComparing] = useState<readonly [number, number] | null>(() => compareFromHash(location.hash));
  const [toast, setToast] = useState<Toast | null>(null);
  const [shown, setShown] = useState(PAGE);
  const [tick, setTick] = useState(0);
  const sequence = useRef(0);
  const title = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const mine = ++sequence.current;
    request('duplicates.list', {}).then(
      (answer) => {
        if (mine !== sequence.current) return;
        setList(answer);
        setError(null);
      },
      (e: unknown) => mine === sequence.current && setError(message(e)),
    );
  }, [request, tick]);

  useEffect(() => {
    // A pair asked for while this section is already open (the list's "Merge…").
    const follow = () => {
      const pair = compareFromHash(location.hash);
      if (pair) setComparing(pair);
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  useEffect(
    () =>
      onBroadcast((event) => {
        if (event.event === 'contacts-changed') setTick((t) => t + 1);
      }),
    [],
  );

  const reload = () => setTick((t) => t + 1);
  const back = () => {
    setComparing(null);
    // A pair opened from a link is done with: a reload shows the suggestions.
    if (compareFromHash(location.hash)) history.replaceState(null, '', `${location.pathname}${location.search}#view=duplicates`);
    // Back at the list: focus where the user can carry on.
    setTimeout(() => title.current?.focus(), 0);
  };

  const act = async (run: () => Promise<unknown>, failure: string) => {
    setActionError(null);
    try {
      await run();
    } catch (e) {
      setActionError(`${failure}: ${message(e)}`);
    } finally {
      reload();
    }
  };

  const dismiss = (s: DuplicateSuggestion) => {
    const ids = [s.contacts[0].id, s.contacts[1].id] as [number, number];
    void act(async () => {
      await request('duplicates.dismiss', { ids, dismissed: true });
      setToast({
        message: `${s.contacts[0].name} and ${s.contacts[1].name} won’t be suggested again.`,
        undo: () => request('duplicates.dismiss', { ids, dismissed: false }),
      });
    }, 'Couldn’t hide the pair');
  };

  const merged = (result: MergeResult, mergedName: string) => {
    back();
    setActionError(null);
    setToast({
      message: `Merged ${mergedName} into ${result.contact.name}.`,
      undo: () => request('contacts.unmerge', { undo: result.undo }),
      open: { id: result.contact.id, name: result.contact.name },
    });
    reload();
  };

  const undo = () => {
    const current = toast;
    setToast(null);
    if (current) void act(current.undo, 'Couldn’t undo');
  };

  const toastView = toast && (
    <div class="duplicates-toast">
      <UndoToast message={toast.message} onUndo={undo} onDismiss={() => setToast(null)} />
      {toast.open && (
        <button type="button" class="link-button" onClick={() => props.onOpen(toast.open!.id)}>
          Open {toast.open.name}
        </button>
      )}
    </div>
  );

  if (comparing) {
    return (
      <section class="manager-pane duplicates-pane" aria-labelledby="section-title">
        <h2 id="section-title">Duplicates</h2>
        <button type="button" class="link-button merge-back" onClick={back}>
          ← Back to the suggestions
        </button>
        <MergeCompare request={request} ids={comparing} onMerged={merged} onCancel={back} />
      </section>
    );
  }

  const suggestions = list?.suggestions ?? [];
  return (
    <section class="manager-pane duplicates-pane" aria-labelledby="section-title">
      <h2 id="section-title" ref={title} tabIndex={-1}>
        Duplicates
      </h2>
      <ErrorNote error={error} what="Rapport couldn’t look for duplicates" />
      <ErrorNote error={actionError} />
      {toastView}
      {list === null ? (
        !error && <p class="quiet">Looking for duplicates…</p>
      ) : suggestions.length === 0 ? (
        <div class="duplicates-empty">
          <p role="status">No duplicates found among {list.total.toLocaleString()} contacts.</p>
          {list.dismissed > 0 && (
            <p class="quiet">
              {list.dismissed === 1 ? 'One pair' : `${list.dismissed.toLocaleString()} pairs`} you marked as different people{' '}
              {list.dismissed === 1 ? 'is' : 'are'} not shown.
            </p>
          )}
        </div>
      ) : (
        <>
          <p class="quiet" role="status">
            {suggestions.length === 1 ? 'One possible duplicate' : `${suggestions.length.toLocaleString()} possible duplicates`} among{' '}
            {list.total.toLocaleString()} contacts. Compare them to merge, or say they are different people.
          </p>
          <ul class="duplicates" aria-label="Possible duplicates">
            {suggestions.slice(0, shown).map((s) => (
              <li key={s.key} class="duplicate">
                <div class="duplicate-people">
                  <Person side={s.contacts[0]} />
                  <span aria-hidden="true" class="duplicate-and">
                    &amp;
                  </span>
                  <span class="visually-hidden"> and </span>
                  <Person side={s.contacts[1]} />
                </div>
                <ul class="duplicate-reasons" aria-label="Why">
                  {s.reasons.map((r) => (
                    <li key={r.kind}>{reasonText(r)}</li>
                  ))}
                </ul>
                <div class="duplicate-actions">
                  <button
                    type="button"
                    class="primary"
                    aria-label={`Compare ${s.contacts[0].name} and ${s.contacts[1].name}`}
                    onClick={() => {
                      setToast(null);
                      setComparing([s.contacts[0].id, s.contacts[1].id]);
                    }}
                  >
                    Compare
                  </button>
                  <button
                    type="button"
                    aria-label={`${s.contacts[0].name} and ${s.contacts[1].name} are not the same person`}
                    onClick={() => dismiss(s)}
                  >
                    Not the same person
                  </button>
                </div>
              </li>
            ))}
          </ul>
          {suggestions.length > shown && (
            <button type="button" onClick={() => setShown((n) => n + PAGE)}>
              Show {Math.min(PAGE, suggestions.length - shown)} more
            </button>
          )}
        </>
      )}
    </section>
  );
}
