import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Vitest globals are off, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
});

// findBy*/waitFor give up after this long. Pages are lazy chunks, and the first page a test
// file opens is compiled cold: on a shared, busy machine that took over the default 1 s
// (tests failed at load 15 on main as well). A ceiling, not a speed check.
configure({ asyncUtilTimeout: 5000 });
