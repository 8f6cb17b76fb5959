import { useEffect } from 'preact/hooks';

/** A short-lived notice with an Undo button (deleting never needs a confirmation dialog). */
export function UndoToast(props: { message: string; onUndo: () => void; onDismiss: () => void; ms?: number }) {
  useEffect(() => {
    const timer = setTimeout(props.onDismiss, props.ms ?? 10_000);
    return () => clearTimeout(timer);
  }, [props.message]);
  return (
    <div class="toast" role="status">
      <span>{props.message}</span>
      <button type="button" onClick={props.onUndo}>
        Undo
      </button>
    </div>
  );
}
