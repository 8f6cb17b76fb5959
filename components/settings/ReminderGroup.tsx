import { HourSelect } from '../popup/HourSelect';
import type { Settings } from '../../utils/model/settings';
import { SettingsGroup } from './SettingsGroup';
import { snoozeChoices } from './settings-text';
import type { Saver } from './use-settings';

/** Quiet hours, the daily digest, the snooze length and the weekly backup reminder. */
export function ReminderGroup(props: { settings: Settings; saver: Saver }) {
  const { settings, saver } = props;
  const { quietHours, digest } = settings;
  const save = saver.save;
  return (
    <SettingsGroup id="settings-reminders" title="Reminders" state={saver.state}>
      <fieldset class="settings-fieldset">
        <legend>Quiet hours</legend>
        <label class="check">
          <input
            type="checkbox"
            checked={quietHours.enabled}
            onChange={(e) => void save((s) => ({ quietHours: { ...s.quietHours, enabled: e.currentTarget.checked } }))}
          />
          <span>No notifications during quiet hours (they wait until the quiet hours end)</span>
        </label>
        <div class="row">
          <HourSelect
            label="From"
            value={quietHours.startHour}
            disabled={!quietHours.enabled}
            onChange={(startHour) => void save((s) => ({ quietHours: { ...s.quietHours, startHour } }))}
          />
          <HourSelect
            label="Until"
            value={quietHours.endHour}
            disabled={!quietHours.enabled}
            onChange={(endHour) => void save((s) => ({ quietHours: { ...s.quietHours, endHour } }))}
          />
        </div>
        {quietHours.enabled && quietHours.startHour === quietHours.endHour && (
          <p class="quiet small">From and until are the same hour: no hour is quiet.</p>
        )}
      </fieldset>
      <fieldset class="settings-fieldset">
        <legend>Daily digest</legend>
        <label class="check">
          <input
            type="checkbox"
            checked={digest.enabled}
            onChange={(e) => void save((s) => ({ digest: { ...s.digest, enabled: e.currentTarget.checked } }))}
          />
          <span>Once a day, a notification saying how many follow-ups are due</span>
        </label>
        <HourSelect
          label="At"
          value={digest.hour}
          disabled={!digest.enabled}
          onChange={(hour) => void save((s) => ({ digest: { ...s.digest, hour } }))}
        />
      </fieldset>
      <label class="field inline">
        <span>“Snooze” puts a reminder off for</span>
        <select value={String(settings.snoozeMinutes)} onChange={(e) => void save({ snoozeMinutes: Number(e.currentTarget.value) })}>
          {snoozeChoices(settings.snoozeMinutes).map(([minutes, label]) => (
            <option key={minutes} value={String(minutes)}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label class="check">
        <input type="checkbox" checked={settings.backupReminder} onChange={(e) => void save({ backupReminder: e.currentTarget.checked })} />
        <span>Remind me once a week to save a backup (from Import &amp; export)</span>
      </label>
    </SettingsGroup>
  );
}
