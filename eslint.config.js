// ESLint 9 flat config. Beyond the recommended sets, two import rules keep the layout honest:
// only utils/vault/ talks to Dexie, and an entry point never reaches into another entry point's folder
// (shared code lives in components/ or utils/).
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Files that still import Dexie directly while the vault module is being built.
// emptied when utils/vault lands (then only utils/vault/** may import dexie or dexie-react-hooks).
const LEGACY_DEXIE_FILES = [
  'entrypoints/background/alerts.ts',
  'entrypoints/dashboard/App.tsx',
  'entrypoints/popup/AddCodes.tsx',
  'entrypoints/popup/App.tsx',
  'utils/codes-db.ts',
  'tests/unit/codes-db.test.ts',
  'tests/unit/migrations.test.ts',
  'tests/unit/quota.test.ts',
];

const DEXIE_ONLY_IN_VAULT = {
  name: 'dexie',
  message: 'Only utils/vault/ talks to Dexie: use its queries, commands or hooks.',
};
const DEXIE_RESTRICTIONS = {
  paths: [DEXIE_ONLY_IN_VAULT, { ...DEXIE_ONLY_IN_VAULT, name: 'dexie-react-hooks' }],
  patterns: [{ group: ['dexie/*'], message: DEXIE_ONLY_IN_VAULT.message }],
};

const ENTRYPOINTS = readdirSync(new URL('./entrypoints', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Imports a file in entrypoints/<own>/ may not use: another entry point's folder, by alias or by `../`. */
function otherEntrypointPatterns(own) {
  const message = `entrypoints/${own}/ may not import another entry point's files: move shared code to components/ or utils/.`;
  return [
    { regex: `^(@|~|@@|~~)/entrypoints/(?!${escapeRegex(own)}(/|$))`, message },
    // Every entry point file sits directly in its folder, so one `../` already leaves it.
    { regex: `^\\.\\./(?!\\.\\./)`, message },
    { regex: `^(\\.\\./)+entrypoints/(?!${escapeRegex(own)}(/|$))`, message },
  ];
}

/** no-restricted-imports options are replaced, not merged, by later config objects: build each set whole. */
function restrictedImports({ dexie, entrypoint }) {
  const paths = dexie ? DEXIE_RESTRICTIONS.paths : [];
  const patterns = [...(dexie ? DEXIE_RESTRICTIONS.patterns : []), ...(entrypoint ? otherEntrypointPatterns(entrypoint) : [])];
  return { 'no-restricted-imports': ['error', { paths, patterns }] };
}

const entrypointOf = (file) => /^entrypoints\/([^/]+)\//.exec(file)?.[1];

export default tseslint.config(
  {
    ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'bench-results/**', 'demo-screenshots/**', 'tests/fixtures/**/dist/**'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  reactHooks.configs.flat.recommended,
  {
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      globals: { ...globals.browser },
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['scripts/**', 'tests/e2e/**', 'tests/mock-tiktok-api/**', 'tests/fixtures/**/*.mjs', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Node scripts that also hand functions to the browser (page.evaluate, serviceWorker.evaluate): those run
    // in an extension page or the service worker, where `chrome` is defined.
    files: ['tests/e2e/**', 'tests/fixtures/**/*.mjs', 'scripts/**'],
    languageOptions: { globals: { ...globals.node, ...globals.webextensions } },
  },
  {
    // Vitest's `globals: true` (describe, it, expect…) for the unit tests.
    files: ['tests/unit/**'],
    languageOptions: { globals: { ...globals.vitest, ...globals.node } },
  },
  { rules: restrictedImports({ dexie: true }) },
  ...ENTRYPOINTS.map((name) => ({
    files: [`entrypoints/${name}/**`],
    rules: restrictedImports({ dexie: true, entrypoint: name }),
  })),
  // emptied when utils/vault lands
  ...LEGACY_DEXIE_FILES.map((file) => ({
    files: [file],
    rules: restrictedImports({ dexie: false, entrypoint: entrypointOf(file) }),
  })),
  {
    files: ['utils/vault/**'],
    rules: restrictedImports({ dexie: false }),
  },
);
