import { useState } from 'preact/hooks';
import { fromDateInput, toDateTimeInput } from '../../utils/dates';
import type { Request } from '../../utils/messages/client';
import type { Interaction, InteractionKind } from '../../utils/model/interaction';
import { ErrorNote } from './ErrorNote';
import { KindSelect } from './KindSelect';
import { useAction } from './use-action';

/** Log an interaction in one or two clicks: kind, when (now unless changed), a summary. */
export function LogInteraction(props: {
  contactId: number;
  request: Request;
  onLogged: (interaction: Interaction) => void;
  /** In a mail page the likely kind is an e-mail; elsewhere a coffee or meeting. */
  defaultKind?: InteractionKind;
}) {
  const [kind, setKind] = useState<InteractionKind>(props.defaultKind ?? 'meeting');
  const [when, setWhen] = useState<string | null>(null);
  const [summary, setSummary] = useState('');
  const { busy, error, run } = useAction();
  const [invalid, setInvalid] = useState<string | null>(null);

  const log = async (event: Event) => {
    event.preventDefault();
    const at = when === null ? Date.now() : fromDateInput(when);
    if (at === null) return setInvalid('Pick a valid date and time.');
    if (at > Date.now() + 60 * 60 * 1000) return setInvalid('An interaction can’t be in the future; use a follow-up instead.');
    setInvalid(null);
    const logged = await run(() => props.request('interaction.log', { contactId: props.contactId, kind, when: at, summary: summary.trim() }));
    if (logged) {
      setSummary('');
      setWhen(null);
      props.onLogged(logged);
    }
  };

  return (
    <form class="log" aria-label="Log an interaction" onSubmit={log}>
      <div class="row wrap">
        <KindSelect inline value={kind} onChange={setKind} />
        <label class="field inline">
          <span>When</span>
          <input
            type="datetime-local"
            value={when ?? toDateTimeInput(Date.now())}
            onInput={(e) => setWhen(e.currentTarget.value)}
          />
        </label>
      </div>
      <label class="field">
        <span>What was it about?</span>
        <input
          type="text"
          dir="auto"
          maxLength={1000}
          value={summary}
          placeholder="e.g. Coffee about the data team’s roadmap"
          onInput={(e) => setSummary(e.currentTarget.value)}
        />
      </label>
      <button type="submit" class="primary" disabled={busy}>
        Log interaction
      </button>
      {invalid && (
        <p class="problem" role="alert">
          {invalid}
        </p>
      )}
      <ErrorNote error={error} what="Not logged" />
    </form>
  );
}
