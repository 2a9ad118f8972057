import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Pages are lazily loaded chunks: a test's first findBy* waits for the page's module graph
// to be transformed and imported, which on a busy 2-core box can take longer than Testing
// Library's default of 1 s (seen: 1.1 s). Waiting longer changes no outcome, only flakiness.
configure({ asyncUtilTimeout: 5000 });

// Vitest globals are off, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
});
