import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ErrorNote } from '../card/ErrorNote';
import { companyKey } from '../../utils/company-name';
import { onBroadcast, type Request } from '../../utils/messages/client';
import type { TargetCompany } from '../../utils/messages/contract';
import { SettingsGroup } from './SettingsGroup';
import { contactCount } from './settings-text';
import { describeError, SAVED_SHOWN_MS, type SaveState } from './use-settings';

type Action = 'up' | 'down' | 'remove';

/** The longest company name the worker takes. */
const MAX_NAME = 200;

/**
 * The ranked list of target employers with how many contacts you have at each: move up or
 * down, remove (with undo), add by name. Follows changes made elsewhere (a company page's
 * sidebar, an import) and to contacts (the counts).
 */
export function TargetCompanies(props: { request: Request }) {
  const { request } = props;
  const [targets, setTargets] = useState<TargetCompany[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [savedText, setSavedText] = useState('Saved');
  const busy = state.kind === 'saving';
  const [name, setName] = useState('');
  const [nameProblem, setNameProblem] = useState<string | null>(null);
  const [removed, setRemoved] = useState<{ name: string; rank: number } | null>(null);
  /** The control to give focus back to once the list has redrawn (the moved row's button). */
  const refocus = useRef<{ key: string; action: Action } | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const sequence = useRef(0);

  const reload = useCallback(() => {
    const mine = ++sequence.current;
    return request('companies.targets', {}).then(
      (list) => {
        if (mine !== sequence.current) return;
        setTargets(list);
        setLoadError(null);
      },
      (e: unknown) => mine === sequence.current && setLoadError(describeError(e)),
    );
  }, [request]);

  useEffect(() => {
    void reload();
    const stop = onBroadcast((event) => {
      if (event.event === 'companies-changed' || event.event === 'contacts-changed') void reload();
    });
    return () => {
      sequence.current++;
      stop();
    };
  }, [reload]);

  // Keyboard users keep their place: the moved row's button (or its other one, at an end).
  useEffect(() => {
    const wanted = refocus.current;
    if (!wanted || !listRef.current) return;
    refocus.current = null;
    const row = [...listRef.current.querySelectorAll<HTMLElement>('li[data-key]')].find((li) => li.dataset['key'] === wanted.key);
    const buttons = row ? [...row.querySelectorAll<HTMLButtonElement>('button[data-action]')] : [];
    const same = buttons.find((b) => b.dataset['action'] === wanted.action && !b.disabled);
    (same ?? buttons.find((b) => !b.disabled))?.focus();
  }, [targets]);

  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  /** Runs one change, then says what it did ("✓ Initech moved to number 1") or why it failed. */
  const change = async (what: () => Promise<unknown>, done: string) => {
    clearTimeout(timer.current);
    setState({ kind: 'saving' });
    try {
      await what();
      await reload();
      setSavedText(done);
      setState({ kind: 'saved' });
      timer.current = setTimeout(() => setState({ kind: 'idle' }), SAVED_SHOWN_MS);
      return true;
    } catch (e) {
      setState({ kind: 'failed', message: describeError(e) });
      return false;
    }
  };

  const move = (target: TargetCompany, by: -1 | 1) => {
    refocus.current = { key: target.key, action: by < 0 ? 'up' : 'down' };
    void change(
      () => request('company.setTarget', { name: target.name, target: true, rank: target.rank + by }),
      `${target.name} moved to number ${target.rank + by}`,
    );
  };

  const remove = (target: TargetCompany) =>
    void change(() => request('company.setTarget', { name: target.name, target: false }), `${target.name} removed`).then(
      (ok) => ok && setRemoved({ name: target.name, rank: target.rank }),
    );

  const undoRemove = (gone: { name: string; rank: number }) =>
    void change(
      () => request('company.setTarget', { name: gone.name, target: true, rank: gone.rank }),
      `${gone.name} is back at number ${gone.rank}`,
    ).then((ok) => ok && setRemoved(null));

  const add = (event: Event) => {
    event.preventDefault();
    const typed = name.trim();
    const key = companyKey(typed);
    if (!typed || !key) return setNameProblem('Type the company’s name.');
    if (typed.length > MAX_NAME) return setNameProblem(`A company name is at most ${MAX_NAME} characters.`);
    const already = targets?.find((t) => t.key === key);
    if (already) return setNameProblem(`${already.name} is already number ${already.rank} on your list.`);
    setNameProblem(null);
    void change(() => request('company.setTarget', { name: typed, target: true }), `${typed} added`).then((ok) => {
      if (ok) setName('');
    });
  };

  return (
    <SettingsGroup
      id="settings-targets"
      title="Target companies"
      intro="The employers you most want to work for, best first. The contact list can be filtered to them, and a company’s LinkedIn page shows its rank."
      state={state}
      saved={savedText}
    >
      <ErrorNote error={loadError} what="Rapport couldn’t load your target companies" />
      {targets !== null &&
        (targets.length === 0 ? (
          <p class="quiet">No target companies yet. Add the first below, or from a company’s page on LinkedIn.</p>
        ) : (
          <ol class="target-list" ref={listRef} aria-label="Target companies, best first">
            {targets.map((target, index) => (
              <li key={target.key} data-key={target.key}>
                <span class="target-rank" aria-hidden="true">
                  {target.rank}
                </span>
                <span class="target-name">
                  <strong dir="auto">{target.name}</strong>
                  <span class="quiet small"> — {contactCount(target.contacts)}</span>
                </span>
                <span class="row small-buttons">
                  <button
                    type="button"
                    data-action="up"
                    disabled={busy || index === 0}
                    aria-label={`Move ${target.name} up`}
                    onClick={() => move(target, -1)}
                  >
                    ↑ Up
                  </button>
                  <button
                    type="button"
                    data-action="down"
                    disabled={busy || index === targets.length - 1}
                    aria-label={`Move ${target.name} down`}
                    onClick={() => move(target, 1)}
                  >
                    ↓ Down
                  </button>
                  <button
                    type="button"
                    data-action="remove"
                    disabled={busy}
                    aria-label={`Remove ${target.name} from the list`}
                    onClick={() => remove(target)}
                  >
                    Remove
                  </button>
                </span>
              </li>
            ))}
          </ol>
        ))}
      {removed && (
        <p>
          <button type="button" class="link-button" disabled={busy} onClick={() => undoRemove(removed)}>
            Undo removing {removed.name}
          </button>
        </p>
      )}
      <form class="target-add row" onSubmit={add} aria-label="Add a target company">
        <label class="field inline" for="target-add-name">
          <span>Add a company</span>
        </label>
        <input
          id="target-add-name"
          type="text"
          dir="auto"
          autoComplete="off"
          maxLength={MAX_NAME + 50}
          value={name}
          aria-invalid={nameProblem ? 'true' : undefined}
          aria-describedby={nameProblem ? 'target-add-problem' : undefined}
          onInput={(e) => {
            setName(e.currentTarget.value);
            setNameProblem(null);
          }}
        />
        <button type="submit" disabled={busy}>
          Add
        </button>
      </form>
      {nameProblem && (
        <p id="target-add-problem" class="problem small" role="alert">
          {nameProblem}
        </p>
      )}
    </SettingsGroup>
  );
}
