import { typeLabel } from '../card/labels';
import type { Settings } from '../../utils/model/settings';
import { NumberField } from './NumberField';
import { SettingsGroup } from './SettingsGroup';
import { cadenceOf, cadenceSentence, cadencesAreDefault, cadenceTypes } from './settings-text';
import type { Saver } from './use-settings';

/** Keep-in-touch cadences per contact type (a contact's own cadence overrides its type's). */
export function CadenceSettings(props: { settings: Settings; saver: Saver }) {
  const { settings, saver } = props;
  const stored = settings.cadenceDaysByType;
  const types = cadenceTypes(settings.customContactTypes, stored);
  return (
    <SettingsGroup
      id="settings-cadences"
      title="Keep-in-touch cadences"
      state={saver.state}
      intro="How often Rapport reminds you to get back in touch, by contact type. A contact’s own cadence, set on their card, comes first."
    >
      <div class="cadence-list">
        {types.map((type) => {
          const days = cadenceOf(type, stored);
          return (
            <NumberField
              key={type}
              label={type === 'other' ? 'Everyone else' : typeLabel(type)}
              value={days}
              min={1}
              max={3650}
              unit="days"
              hint={cadenceSentence(type, days)}
              onCommit={(n) => void saver.save((s) => ({ cadenceDaysByType: { ...s.cadenceDaysByType, [type]: n } }))}
            />
          );
        })}
      </div>
      <p>
        <button
          type="button"
          disabled={saver.busy || cadencesAreDefault(stored)}
          // null resets the setting to its defaults (see patchOf).
          onClick={() => void saver.save({ cadenceDaysByType: null })}
        >
          Reset cadences to the defaults
        </button>
      </p>
    </SettingsGroup>
  );
}
