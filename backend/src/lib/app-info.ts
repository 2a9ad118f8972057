import { readFileSync } from 'node:fs';
import path from 'node:path';

// Read once at startup: the backend's package.json sits beside src/ and dist/ alike.
const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as {
  version: string;
};

export const APP_NAME = 'Stockroom';
export const APP_VERSION = pkg.version;
