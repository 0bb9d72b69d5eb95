#!/usr/bin/env node
// Builds the extension into a private folder: `node scripts/bench/build-extension.mjs <outDir>`.
// The bench and the budget test measure their own build, so a teammate's `wxt build` into the
// shared .output (which empties it first) cannot change or break what they measure.

const outDir = process.argv[2];
if (!outDir) {
  console.error('usage: node scripts/bench/build-extension.mjs <outDir>');
  process.exit(2);
}
// Always a production build, even when started from a test runner that sets NODE_ENV=test.
process.env.NODE_ENV = 'production';
const { build } = await import('wxt');
// WXT logs every file; the callers print what matters.
const quiet = { debug() {}, log() {}, info() {}, success() {}, warn: console.warn, error: console.error, fatal: console.error, box() {}, level: 1 };
await build({ outDir, logger: quiet });
