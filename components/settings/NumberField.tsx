import { useState } from 'preact/hooks';
import { parseWhole } from './settings-text';

let fieldIds = 0;

/**
 * A whole-number input that saves when the user commits a value (Enter, leaving the field). A
 * value out of range, or not a number, is not saved: the field says why and keeps what was
 * typed so it can be corrected. It follows the saved value when that changes elsewhere.
 */
export function NumberField(props: {
  label: string;
  value: number;
  min: number;
  max: number;
  /** "days": said in the message ("from 1 to 3650 days") and after the field. */
  unit?: string;
  disabled?: boolean;
  /** Extra description (e.g. what the value means), linked to the input. */
  hint?: string;
  onCommit: (value: number) => void;
}) {
  const [id] = useState(() => `number-field-${++fieldIds}`);
  // What the user typed, against the value it edits: once the stored value changes (saved
  // here or elsewhere — another tab, the popup) the field shows the stored one again.
  const [edit, setEdit] = useState<{ base: number; text: string; problem: string | null } | null>(null);
  const current = edit && edit.base === props.value ? edit : null;
  const text = current?.text ?? String(props.value);
  const problem = current?.problem ?? null;

  const commit = (raw: string) => {
    const parsed = parseWhole(raw, props.min, props.max, props.unit);
    if (!parsed.ok) return setEdit({ base: props.value, text: raw, problem: `${props.label}: ${parsed.message}` });
    setEdit(null);
    if (parsed.value !== props.value) props.onCommit(parsed.value);
  };

  const described = [props.hint ? `${id}-hint` : '', problem ? `${id}-problem` : ''].filter(Boolean).join(' ');
  return (
    <div class="number-field">
      <label class="field inline" for={id}>
        <span>{props.label}</span>
      </label>
      <span class="number-input">
        <input
          id={id}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          size={5}
          value={text}
          disabled={props.disabled}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={described || undefined}
          onInput={(e) => setEdit({ base: props.value, text: e.currentTarget.value, problem: null })}
          onChange={(e) => commit(e.currentTarget.value)}
        />
        {props.unit && <span class="quiet">{props.unit}</span>}
      </span>
      {props.hint && (
        <p id={`${id}-hint`} class="quiet small hint">
          {props.hint}
        </p>
      )}
      {problem && (
        <p id={`${id}-problem`} class="problem small" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
