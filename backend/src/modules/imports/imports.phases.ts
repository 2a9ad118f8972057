// Seconds per phase of an import job, for the job's log line (and the import bench, which
// prints them): the commit's checks, plan and apply (a dry run's undo); the mapping check's rows, checks, plan
// and counts.

export type PhaseTimes = Partial<
  Record<'rows' | 'analyze' | 'checks' | 'plan' | 'counts' | 'apply' | 'undo', number>
>;

/** Runs `fn`, adding its seconds to `times[phase]`. */
export async function timed<T>(
  times: PhaseTimes,
  phase: keyof PhaseTimes,
  fn: () => Promise<T>,
): Promise<T> {
  const start = performance.now();
  try {
    return await fn();
  } finally {
    times[phase] = Math.round(performance.now() - start) / 1000;
  }
}
