import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { PitchesPanel } from '../card/PitchesPanel';
import { ErrorNote } from '../card/ErrorNote';
import { onBroadcast, type Request } from '../../utils/messages/client';
import type { Pitch } from '../../utils/model/pitch';
import { SettingsGroup } from './SettingsGroup';
import { describeError } from './use-settings';

/** The elevator pitches (the same list and editor as on a contact's card), kept current. */
export function PitchGroup(props: { request: Request }) {
  const { request } = props;
  const [pitches, setPitches] = useState<Pitch[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sequence = useRef(0);

  const reload = useCallback(() => {
    const mine = ++sequence.current;
    request('pitches.list', {}).then(
      (list) => {
        if (mine !== sequence.current) return;
        setPitches(list);
        setError(null);
      },
      (e: unknown) => mine === sequence.current && setError(describeError(e)),
    );
  }, [request]);

  useEffect(() => {
    reload();
    const stop = onBroadcast((event) => event.event === 'pitches-changed' && reload());
    return () => {
      sequence.current++;
      stop();
    };
  }, [reload]);

  return (
    <SettingsGroup
      id="settings-pitches"
      title="Elevator pitches"
      intro="A 30-second introduction for each kind of person you meet; every contact’s card has them one click away."
    >
      <ErrorNote error={error} what="Rapport couldn’t load your pitches" />
      {pitches === null ? !error && <p class="quiet">Loading…</p> : <PitchesPanel pitches={pitches} request={request} bare />}
    </SettingsGroup>
  );
}
