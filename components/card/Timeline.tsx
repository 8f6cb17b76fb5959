import { useState } from 'preact/hooks';
import { fromDateInput, toDateTimeInput } from '../../utils/dates';
import type { Request } from '../../utils/messages/client';
import type { Interaction, InteractionKind } from '../../utils/model/interaction';
import { ErrorNote } from './ErrorNote';
import { KindSelect } from './KindSelect';
import { formatDateTime, KIND_LABELS } from './labels';
import { useAction } from './use-action';

/** The interaction log, newest first; edit in place; delete with undo. */
export function Timeline(props: {
  interactions: Interaction[];
  request: Request;
  onDeleted: (interaction: Interaction) => void;
  onDebrief: (interaction: Interaction) => void;
}) {
  const [editing, setEditing] = useState<number | null>(null);
  if (!props.interactions.length) return <p class="quiet">Nothing logged yet.</p>;
  return (
    <ol class="timeline" aria-label="Interactions, newest first">
      {props.interactions.map((interaction) =>
        editing === interaction.id ? (
          <EditInteraction key={interaction.id} interaction={interaction} request={props.request} done={() => setEditing(null)} />
        ) : (
          <li key={interaction.id}>
            <div class="entry-head">
              <strong>{KIND_LABELS[interaction.kind]}</strong>
              <time dateTime={new Date(interaction.when).toISOString()}>{formatDateTime(interaction.when)}</time>
            </div>
            {interaction.summary && <p dir="auto">{interaction.summary}</p>}
            <div class="row small-buttons">
              <button type="button" aria-label={`Edit the ${KIND_LABELS[interaction.kind]} of ${formatDateTime(interaction.when)}`} onClick={() => setEditing(interaction.id)}>
                Edit
              </button>
              {interaction.kind === 'informational-interview' && (
                <button type="button" onClick={() => props.onDebrief(interaction)}>
                  {interaction.debrief ? 'Debrief' : 'Add debrief'}
                </button>
              )}
              <DeleteButton interaction={interaction} request={props.request} onDeleted={props.onDeleted} />
            </div>
          </li>
        ),
      )}
    </ol>
  );
}

function DeleteButton(props: { interaction: Interaction; request: Request; onDeleted: (i: Interaction) => void }) {
  const { busy, error, run } = useAction();
  const { interaction } = props;
  return (
    <>
      <button
        type="button"
        disabled={busy}
        aria-label={`Delete the ${KIND_LABELS[interaction.kind]} of ${formatDateTime(interaction.when)}`}
        onClick={async () => {
          const deleted = await run(() => props.request('interaction.delete', { id: interaction.id }));
          if (deleted) props.onDeleted(deleted);
        }}
      >
        Delete
      </button>
      <ErrorNote error={error} what="Not deleted" />
    </>
  );
}

function EditInteraction(props: { interaction: Interaction; request: Request; done: () => void }) {
  const { interaction } = props;
  const [kind, setKind] = useState<InteractionKind>(interaction.kind);
  const [when, setWhen] = useState(toDateTimeInput(interaction.when));
  const [summary, setSummary] = useState(interaction.summary);
  const [invalid, setInvalid] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  const save = async (event: Event) => {
    event.preventDefault();
    const at = fromDateInput(when);
    if (at === null) return setInvalid('Pick a valid date and time.');
    setInvalid(null);
    const ok = await run(() => props.request('interaction.update', { id: interaction.id, change: { kind, when: at, summary: summary.trim() } }));
    if (ok) props.done();
  };

  return (
    <li>
      <form aria-label="Edit interaction" onSubmit={save} class="edit-entry">
        <KindSelect value={kind} onChange={setKind} />
        <label class="field">
          <span>When</span>
          <input type="datetime-local" value={when} onInput={(e) => setWhen(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>Summary</span>
          <input type="text" dir="auto" maxLength={1000} value={summary} onInput={(e) => setSummary(e.currentTarget.value)} />
        </label>
        <div class="row">
          <button type="submit" class="primary" disabled={busy}>
            Save
          </button>
          <button type="button" onClick={props.done}>
            Cancel
          </button>
        </div>
        {invalid && (
          <p class="problem" role="alert">
            {invalid}
          </p>
        )}
        <ErrorNote error={error} what="Not saved" />
      </form>
    </li>
  );
}
