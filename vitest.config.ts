import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [
    WxtVitest(),
    {
      // Merged after WxtVitest's alias, so this one wins (see tests/unit/mock-browser.ts for why).
      name: 'fake-browser-without-esbuild',
      config: () => ({
        resolve: { alias: [{ find: /^wxt\/browser$/, replacement: fileURLToPath(new URL('./tests/unit/mock-browser.ts', import.meta.url)) }] },
      }),
    },
  ],
  test: {
    environment: 'jsdom',
    globals: true,
    // Component tests render whole pages; on a 2-core CI machine running two workers 5 s is too tight.
    testTimeout: 15_000,
    setupFiles: ['./tests/unit/setup.ts'],
    include: ['tests/unit/**/*.test.{ts,tsx}'],
  },
});
