// IndexedDB for Dexie under jsdom. Imported here rather than named in setupFiles: Vitest 4 cannot load a bare
// setupFiles specifier when node_modules is a symlink outside the project (it asks for '/@fs/…' and fails).
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/react';

// Pages fetch their dialogs on first use (lazy chunks); under Vitest the first fetch of one compiles it,
// which on a loaded 2-core machine can take longer than testing-library's default 1 s wait.
configure({ asyncUtilTimeout: 5_000 });
