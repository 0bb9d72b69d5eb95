#!/usr/bin/env node
// `node scripts/bench/zip-extension.mjs <outDir>`: the Chrome and Firefox (MV3) packages exactly as
// `npm run zip` makes them, but in a private folder, so the zip smoke test never races a teammate's build.
process.env.NODE_ENV = 'production';
const outDir = process.argv[2];
if (!outDir) {
  console.error('usage: node scripts/bench/zip-extension.mjs <outDir>');
  process.exit(2);
}
const { zip } = await import('wxt');
const quiet = { debug() {}, log() {}, info() {}, success() {}, warn: console.warn, error: console.error, fatal: console.error, box() {}, level: 1 };
await zip({ outDir, logger: quiet });
await zip({ outDir, logger: quiet, browser: 'firefox', manifestVersion: 3 });
