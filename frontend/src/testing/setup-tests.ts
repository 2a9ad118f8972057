import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Pages load lazily; on a loaded machine (a full parallel run next to other work) the first
// render of one took over findBy*/waitFor's default second, and a different test failed on
// each run. A longer wait changes nothing when the page is there sooner.
configure({ asyncUtilTimeout: 5000 });

// Vitest globals are off, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
});
