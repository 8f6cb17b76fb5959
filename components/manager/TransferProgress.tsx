import { useEffect, useRef, useState } from 'preact/hooks';
import { onBroadcast } from '../../utils/messages/client';
import { progressText, type ProgressState } from './transfer-text';

/**
 * The progress of one import or restore: the page's own reading of the file, then what the
 * worker reports for the job id this hook hands out.
 */
export function useTransferProgress() {
  const [progress, setProgress] = useState<ProgressState | null>(null);
  const job = useRef<string | null>(null);
  useEffect(
    () =>
      onBroadcast((event) => {
        if (event.event !== 'transfer-progress' || event.job !== job.current) return;
        setProgress({ phase: event.phase, done: event.done, total: event.total });
      }),
    [],
  );
  return {
    progress,
    /** Follows the worker's reports for this job (null: stop following). */
    follow(id: string | null) {
      job.current = id;
    },
    set: setProgress,
  };
}

/** A real progress bar: determinate when a count is known, with the same words as text. */
export function ProgressBar(props: { progress: ProgressState; label: string; noun?: string }) {
  const { progress, label } = props;
  const text = progressText(progress, props.noun);
  const known = progress.total > 0;
  return (
    <div class="transfer-progress" role="status" aria-live="polite">
      <progress
        aria-label={label}
        aria-valuetext={text}
        {...(known ? { max: progress.total, value: Math.min(progress.done, progress.total) } : {})}
      />
      <span>{text}</span>
    </div>
  );
}
