// The folder the app runs from: the one holding migrations/ (and package.json). This module is src/app-root.ts when
// run through tsx and part of dist/main.js once bundled (scripts/build.ts); both sit one folder below the root, so
// `..` from here names it either way. A file-relative path deeper in src/ would point above the root from dist/.
import { fileURLToPath } from 'node:url';

export const APP_ROOT = fileURLToPath(new URL('..', import.meta.url));
