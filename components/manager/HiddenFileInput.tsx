import type { RefObject } from 'preact';

/**
 * The file picker behind a panel's own "Choose a file…" button (which clicks it through
 * `inputRef`). Cleared after each pick, so that picking the same file again — after fixing
 * it — is a new pick.
 */
export function HiddenFileInput(props: {
  inputRef: RefObject<HTMLInputElement>;
  label: string;
  accept: string;
  onPick: (file: File | undefined) => void;
}) {
  return (
    <input
      ref={props.inputRef}
      type="file"
      class="visually-hidden"
      tabIndex={-1}
      aria-label={props.label}
      accept={props.accept}
      onChange={(e) => {
        const file = e.currentTarget.files?.[0];
        e.currentTarget.value = '';
        props.onPick(file);
      }}
    />
  );
}
