// Progress of a long import or restore, told to the page that asked. The worker cannot stream
// answers, so it reports through a broadcast (`transfer-progress`, tagged with the job id the
// page chose); throttled so that 10,000 records cost a few dozen messages, not 10,000.

export type TransferPhase = 'parsing' | 'planning' | 'writing';

export interface TransferProgressEvent {
  job: string;
  phase: TransferPhase;
  done: number;
  total: number;
}

export interface ProgressReporter {
  /** A new phase starts (always reported): `total` 0 means "no count known". */
  phase(phase: TransferPhase, total?: number): void;
  /** `done` of the phase's total are finished; reported at most once per interval, and at the end. */
  tick(done: number): void;
}

/** Reports nothing: for callers that gave no job id (and tests). */
export const silentProgress: ProgressReporter = { phase() {}, tick() {} };

/** The default gap between two reports of the same phase. */
export const PROGRESS_INTERVAL_MS = 100;

export function createProgressReporter(
  job: string,
  emit: (event: TransferProgressEvent) => void,
  now: () => number,
  intervalMs = PROGRESS_INTERVAL_MS,
): ProgressReporter {
  let current: TransferPhase = 'parsing';
  let total = 0;
  let last = -Infinity;
  let lastDone = -1;
  const send = (done: number) => {
    last = now();
    lastDone = done;
    // A page that went away must never break the import.
    try {
      emit({ job, phase: current, done, total });
    } catch {
      /* ignored */
    }
  };
  return {
    phase(phase, phaseTotal = 0) {
      current = phase;
      total = Math.max(0, Math.floor(phaseTotal));
      send(0);
    },
    tick(done) {
      const clamped = Math.min(Math.max(0, Math.floor(done)), total || done);
      if (clamped === lastDone) return;
      const finished = total > 0 && clamped >= total;
      if (finished || now() - last >= intervalMs) send(clamped);
    },
  };
}
