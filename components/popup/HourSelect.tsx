const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/** A labelled choice of a whole hour of the day (00:00 … 23:00). */
export function HourSelect(props: { label: string; value: number; disabled?: boolean; onChange: (hour: number) => void }) {
  return (
    <label class="field inline">
      <span>{props.label}</span>
      <select value={String(props.value)} disabled={props.disabled} onChange={(e) => props.onChange(Number(e.currentTarget.value))}>
        {HOURS.map((hour) => (
          <option key={hour} value={String(hour)}>
            {hourLabel(hour)}
          </option>
        ))}
      </select>
    </label>
  );
}
