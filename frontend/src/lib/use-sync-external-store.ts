// wouter imports useSyncExternalStore through the use-sync-external-store shim, for React
// versions before 18; React 19 has it built in, so vite.config.ts points the shim here and
// the shim's code stays out of the first load (decision 0019).
export { useSyncExternalStore } from 'react';
