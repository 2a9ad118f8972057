/** Process-wide state that the shutdown sequence flips and the readiness check reads. */
export interface Lifecycle {
  draining: boolean;
  startedAt: Date;
}

export function createLifecycle(): Lifecycle {
  return { draining: false, startedAt: new Date() };
}
