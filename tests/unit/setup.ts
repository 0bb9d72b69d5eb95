// IndexedDB for Dexie under jsdom. Imported here rather than named in setupFiles: Vitest 4 cannot load a bare
// setupFiles specifier when node_modules is a symlink outside the project (it asks for '/@fs/…' and fails).
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
