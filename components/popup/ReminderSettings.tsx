import { ErrorNote } from '../card/ErrorNote';
import { typeLabel } from '../card/labels';
import { useAction } from '../card/use-action';
import { HourSelect } from './HourSelect';
import { snoozeChoices } from '../settings/settings-text';
import type { Request } from '../../utils/messages/client';
import { DEFAULT_CADENCE_DAYS, type Settings, type SettingsPatch } from '../../utils/model/settings';

/** A whole number from a number input, within bounds; null when it is not one. */
function whole(value: string, min: number, max: number): number | null {
  const n = Number(value);
  return value.trim() !== '' && Number.isInteger(n) && n >= min && n <= max ? n : null;
}

/**
 * The reminder settings: weekly goals, snooze length, quiet hours, and the keep-in-touch
 * cadence for each contact type (a contact's own cadence overrides it).
 */
export function ReminderSettings(props: { request: Request; settings: Settings; onSaved: (settings: Settings) => void }) {
  const { request, settings, onSaved } = props;
  const { busy, error, run, clearError } = useAction();
  const save = (patch: SettingsPatch) => run(async () => onSaved(await request('settings.update', { patch })));
  const refuse = (message: string) => run(() => Promise.reject(new Error(message)));
  const types = [...new Set([...Object.keys(DEFAULT_CADENCE_DAYS), ...Object.keys(settings.cadenceDaysByType)])];

  const goal = (key: keyof Settings['weeklyGoals'], label: string) => (
    <label class="field inline">
      <span>{label}</span>
      <input
        type="number"
        min={0}
        max={100}
        key={`${key}-${settings.weeklyGoals[key]}`}
        defaultValue={String(settings.weeklyGoals[key])}
        onInput={clearError}
        onChange={(e) => {
          const n = whole(e.currentTarget.value, 0, 100);
          if (n === null) return void refuse(`${label}: a whole number from 0 to 100.`);
          void save({ weeklyGoals: { ...settings.weeklyGoals, [key]: n } });
        }}
      />
    </label>
  );

  return (
    <div class="reminder-settings">
      <h3>Weekly goals</h3>
      {goal('newContacts', 'New contacts a week')}
      {goal('conversations', 'Conversations a week')}
      {goal('followUps', 'Follow-ups a week')}
      <h3>Reminders</h3>
      <label class="field inline">
        <span>Snooze for</span>
        <select
          value={String(settings.snoozeMinutes)}
          disabled={busy}
          onChange={(e) => void save({ snoozeMinutes: Number(e.currentTarget.value) })}
        >
          {/* The usual lengths, plus the current one when it is none of them (spelt out, "1 day"). */}
          {snoozeChoices(settings.snoozeMinutes).map(([minutes, label]) => (
            <option key={minutes} value={String(minutes)}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={settings.quietHours.enabled}
          disabled={busy}
          onChange={(e) => void save({ quietHours: { ...settings.quietHours, enabled: e.currentTarget.checked } })}
        />
        <span>Quiet hours (no notifications)</span>
      </label>
      {settings.quietHours.enabled && (
        <div class="row">
          {(['startHour', 'endHour'] as const).map((end) => (
            <HourSelect
              key={end}
              label={end === 'startHour' ? 'From' : 'Until'}
              value={settings.quietHours[end]}
              disabled={busy}
              onChange={(hour) => void save({ quietHours: { ...settings.quietHours, [end]: hour } })}
            />
          ))}
        </div>
      )}
      <h3>E-mail</h3>
      <label class="check">
        <input
          type="checkbox"
          checked={settings.autoLogSentMail}
          disabled={busy}
          onChange={(e) => void save({ autoLogSentMail: e.currentTarget.checked })}
        />
        <span>Log e-mails I send to contacts from Gmail or Outlook</span>
      </label>
      <h3>Keep in touch every … days</h3>
      {types.map((type) => (
        <label key={type} class="field inline">
          <span>{type === 'other' ? 'Everyone else' : typeLabel(type)}</span>
          <input
            type="number"
            min={1}
            max={3650}
            key={`${type}-${settings.cadenceDaysByType[type] ?? ''}`}
            defaultValue={String(settings.cadenceDaysByType[type] ?? DEFAULT_CADENCE_DAYS[type] ?? 365)}
            onInput={clearError}
            onChange={(e) => {
              const n = whole(e.currentTarget.value, 1, 3650);
              if (n === null) return void refuse(`${typeLabel(type)}: a whole number of days from 1 to 3650.`);
              void save({ cadenceDaysByType: { ...settings.cadenceDaysByType, [type]: n } });
            }}
          />
        </label>
      ))}
      <ErrorNote error={error} what="Not saved" />
    </div>
  );
}
