// ESLint 9 flat config. Beyond the recommended sets, two import rules keep the layout honest:
// only utils/vault/ talks to Dexie, and an entry point never reaches into another entry point's folder
// (shared code lives in components/ or utils/).
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Tests of the vault's database layer itself: they build old schema versions with raw Dexie (migrations)
// and inject storage faults through Dexie middleware (quota). Everything else goes through utils/vault/.
const VAULT_DB_TESTS = ['tests/unit/codes-db.test.ts', 'tests/unit/migrations.test.ts', 'tests/unit/quota.test.ts'];

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
      // `let [a, b, c] = …` where only some are reassigned later reads better than splitting the destructuring.
      'prefer-const': ['error', { destructuring: 'all' }],
      // The vault's live queries take a deps list like useEffect: check it the same way.
      'react-hooks/exhaustive-deps': ['warn', { additionalHooks: '^(useVaultQuery|useLiveQuery)$' }],
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
  {
    files: VAULT_DB_TESTS,
    rules: restrictedImports({ dexie: false }),
  },
  {
    files: ['utils/vault/**'],
    rules: restrictedImports({ dexie: false }),
  },
);
