const { mkdtempSync, rmdirSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

// Jest caches in the temporary directory, and the local PostgreSQL lives there: when it cannot be
// written, say so in one sentence (the stack is the sentence) rather than a trace from Jest's cache.
try {
  rmdirSync(mkdtempSync(path.join(tmpdir(), 'jest-check-')));
} catch (error) {
  const why = new Error(
    `The tests need a writable temporary directory, and ${tmpdir()} is not (${error.code}); set TMPDIR to one.`,
  );
  why.stack = why.message;
  throw why;
}

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // Child processes (the real server started by startup tests) need time; a hung test still fails.
  testTimeout: 30000,
};
