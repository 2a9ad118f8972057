import type { Readiness } from '../api/get-readiness';

export function ReadinessBadge({ readiness }: { readiness: Readiness }) {
  return readiness.status === 'ready' ? (
    <span className="badge badge--ok">Ready</span>
  ) : (
    <span className="badge badge--error">Not ready</span>
  );
}
