import { Script } from 'node:vm';
import type { BackgroundJob } from './background';

/**
 * Lets V8's memory reducer run in an idle API on Node 24 (decision 0035).
 *
 * Since V8 13.1 the reducer starts its memory-reducing GC only when young, old and embedder
 * (cppgc) allocation rates are all low, and an embedder rate of exactly 0 counts as maximal.
 * A process that never allocates on the cppgc heap reports 0 forever, so the reducer never
 * runs, and an ordinary major GC (which the pollers cause) resets its 100 s watchdog: the
 * pages V8 pooled during a burst (requests, an import, an export) stay resident for minutes
 * (~10 MB after a short load in the image; 120 MB after a heavier one on the host).
 * Compiling a vm.Script allocates one small cppgc object (ContextifyScript); doing that
 * more often than the rate's ~110 s decay to 0 keeps the embedder rate positive and tiny,
 * and the decision is left to the young and old generation rates, as on Node 22.
 */
export function keepMemoryReducerAwake(intervalMs = 30_000): BackgroundJob {
  const nudge = () => void new Script('0');
  nudge();
  const timer = setInterval(nudge, intervalMs);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      return Promise.resolve();
    },
  };
}
