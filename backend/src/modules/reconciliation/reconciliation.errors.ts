import { conflict } from '../../lib/errors';

export const reconciliationRunning = () =>
  conflict(
    'RECONCILIATION_RUNNING',
    'A reconciliation is already running (here or on another API replica); try again when it has finished.',
  );
