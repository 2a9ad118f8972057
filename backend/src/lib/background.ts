import type { Logger } from './logger';

/** A job that runs now and then in the API process, and stops cleanly. */
export interface BackgroundJob {
  /** No new run starts; resolves when the one in flight (if any) has finished. */
  stop(): Promise<void>;
}

/**
 * Runs `run` every `intervalMs` (after the previous run ends, so runs never overlap). The
 * timer is unref'd: a job never keeps a process alive on its own (tests, CLI). Errors are
 * logged and the next run tries again.
 */
export function startPeriodic(opts: {
  name: string;
  intervalMs: number;
  logger: Logger;
  run: () => Promise<unknown>;
}): BackgroundJob {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();
  const tick = () => {
    inFlight = opts
      .run()
      .then(
        () => undefined,
        (error: unknown) =>
          opts.logger.error({ err: error, job: opts.name }, 'background job failed'),
      )
      .finally(() => {
        if (!stopped) schedule();
      });
  };
  const schedule = () => {
    timer = setTimeout(tick, opts.intervalMs);
    timer.unref();
  };
  schedule();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await inFlight;
    },
  };
}
