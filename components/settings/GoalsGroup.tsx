import type { Settings } from '../../utils/model/settings';
import { NumberField } from './NumberField';
import { SettingsGroup } from './SettingsGroup';
import type { Saver } from './use-settings';

const GOALS: { key: keyof Settings['weeklyGoals']; label: string }[] = [
  { key: 'newContacts', label: 'New contacts a week' },
  { key: 'conversations', label: 'Conversations a week' },
  { key: 'followUps', label: 'Follow-ups a week' },
];

/** This week's targets, shown with their progress in the popup and the weekly review. */
export function GoalsGroup(props: { settings: Settings; saver: Saver }) {
  const { settings, saver } = props;
  const goals = settings.weeklyGoals;
  return (
    <SettingsGroup
      id="settings-goals"
      title="Weekly goals"
      state={saver.state}
      intro="What you aim for each week, Monday to Sunday. Your progress shows in the toolbar popup and the weekly review."
    >
      {GOALS.map(({ key, label }) => (
        <NumberField
          key={key}
          label={label}
          value={goals[key]}
          min={0}
          max={100}
          onCommit={(n) => void saver.save((s) => ({ weeklyGoals: { ...s.weeklyGoals, [key]: n } }))}
        />
      ))}
    </SettingsGroup>
  );
}
