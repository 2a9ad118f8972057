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

// findBy*/waitFor give up after this long. Pages are lazy chunks, and the first page a test
// file opens is compiled cold: on a shared, busy machine that took over the default 1 s
// (tests failed at load 15 on main as well). A ceiling, not a speed check.
configure({ asyncUtilTimeout: 5000 });
