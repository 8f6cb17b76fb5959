import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { ErrorNote } from './ErrorNote';
import { useAction } from './use-action';

/**
 * A field saved when it loses focus or on Enter. While the user edits it, changes arriving
 * from other tabs do not overwrite what they are typing.
 */
export function EditableText(props: {
  label: string;
  value: string;
  save: (value: string) => Promise<unknown>;
  multiline?: boolean;
  maxLength?: number;
  required?: boolean;
  type?: 'text' | 'url' | 'date';
  placeholder?: string;
}) {
  const [text, setText] = useState(props.value);
  const editing = useRef(false);
  const { busy, error, run, clearError } = useAction();
  const [invalid, setInvalid] = useState<string | null>(null);
  const id = useId();

  useEffect(() => {
    if (!editing.current) setText(props.value);
  }, [props.value]);

  const commit = async () => {
    editing.current = false;
    const value = text.trim();
    if (value === props.value.trim()) return;
    if (props.required && !value) {
      setInvalid(`${props.label} can’t be empty.`);
      setText(props.value);
      return;
    }
    setInvalid(null);
    const ok = await run(() => props.save(value));
    if (ok === undefined) editing.current = true; // keep the user's text to retry
  };

  const common = {
    id,
    value: text,
    maxLength: props.maxLength,
    placeholder: props.placeholder,
    dir: 'auto' as const,
    'aria-invalid': invalid || error ? true : undefined,
    onInput: (e: Event) => {
      editing.current = true;
      clearError();
      setText((e.currentTarget as HTMLInputElement).value);
    },
    onBlur: () => void commit(),
  };

  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.multiline ? (
        <textarea rows={3} {...common} />
      ) : (
        <input
          type={props.type ?? 'text'}
          {...common}
          onKeyDown={(e) => {
            if (e.key === 'Enter') (e.currentTarget as HTMLInputElement).blur();
            if (e.key === 'Escape') {
              // Back to the stored value: a complaint about the abandoned text no longer applies.
              editing.current = false;
              setText(props.value);
              setInvalid(null);
              clearError();
            }
          }}
        />
      )}
      {busy && <span class="quiet small">Saving…</span>}
      {invalid && (
        <span class="problem" role="alert">
          {invalid}
        </span>
      )}
      <ErrorNote error={error} what="Not saved" />
    </div>
  );
}
