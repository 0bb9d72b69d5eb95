import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The budget step of `npm test`: runs after `npm run build` and reads .output/chrome-mv3 (plain Node, no jsdom).
export default defineConfig({
  resolve: { alias: [{ find: /^@\//, replacement: fileURLToPath(new URL('./', import.meta.url)) }] },
  test: {
    environment: 'node',
    include: ['tests/budgets/**/*.test.ts'],
  },
});
