// Budgets that must not regress: bundle sizes (deterministic), the extractor's linear growth on
// hostile input (min-of-N timing with a generous ratio: quadratic growth shows up as ~100×, not
// 20×), and the manifest's privileges. Timing targets live in `npm run bench`, not here.
// Its own step of `npm test` (`npm run test:budgets`, vitest.budgets.config.ts), after `npm run build`:
// it reads the extension that build made instead of building one inside the unit suite.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractAdCodes } from '@/utils/extract';
import { listFiles, loadedBy, loadSize, readBudgets } from '../../scripts/bench/bundle-sizes';
import { worstCaseInputs } from '../../scripts/bench/inputs';

const ROOT = join(__dirname, '../..');
const budgets = readBudgets(ROOT);
// EXTENSION_DIR lets a caller check another build (e.g. a private one no teammate's build can empty).
const EXT = process.env.EXTENSION_DIR ?? join(ROOT, '.output/chrome-mv3');

beforeAll(() => {
  if (!existsSync(join(EXT, 'manifest.json'))) throw new Error(`No built extension in ${EXT}: run \`npm run build\` first.`);
});

const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;

describe('bundle size budgets (scripts/bench/budgets.json)', () => {
  it('every budgeted file is within its budget', () => {
    const sizes = new Map(listFiles(EXT).map((f) => [f.path, f.bytes]));
    const over = Object.entries(budgets.files)
      .filter(([file, max]) => (sizes.get(file) ?? Infinity) > max)
      .map(([file, max]) => `${file}: ${sizes.has(file) ? kb(sizes.get(file)!) : 'missing'} > ${kb(max)}`);
    expect(over, 'over budget').toEqual([]);
  });

  it('each page and content script loads no more than its budget, chunks included', () => {
    const over = Object.entries(budgets.loads)
      .map(([entry, max]) => ({ entry, max, size: loadSize(EXT, entry) }))
      .filter((e) => e.size > e.max)
      .map((e) => `${e.entry}: ${kb(e.size)} > ${kb(e.max)} (${loadedBy(EXT, e.entry).join(', ')})`);
    expect(over, 'over budget').toEqual([]);
  });

  it('mail and DM page scripts carry no zod, Dexie, React or extractor', () => {
    for (const name of ['gmail', 'outlook', 'instagram', 'tiktok-dm', 'tiktok-shop', 'whatsapp', 'slack']) {
      const files = loadedBy(EXT, `content-scripts/${name}.js`);
      expect(files, name).toEqual([`content-scripts/${name}.js`]);
      const code = readFileSync(join(EXT, files[0]), 'utf8');
      for (const marker of ['ZodError', 'Dexie', 'react.element', 'HASHTAG']) expect(code.includes(marker), `${name} contains ${marker}`).toBe(false);
    }
  });

  it('the popup and the Ads Manager code picker carry no zod: data is validated where it enters (background, import)', () => {
    for (const page of ['popup.html', 'code-picker.html']) {
      const js = loadedBy(EXT, page).filter((f) => f.endsWith('.js'));
      const withZod = js.filter((f) => readFileSync(join(EXT, f), 'utf8').includes('ZodError'));
      expect(withZod, page).toEqual([]);
    }
  });

  it('the popup and the code picker carry no Dexie: they read by message from the background, which owns the database', () => {
    for (const page of ['popup.html', 'code-picker.html']) {
      const js = loadedBy(EXT, page).filter((f) => f.endsWith('.js'));
      const withDexie = js.filter((f) => readFileSync(join(EXT, f), 'utf8').includes('DexieError'));
      expect(withDexie, page).toEqual([]);
    }
  });

  it('the code picker runs on Preact, not React', () => {
    const js = loadedBy(EXT, 'code-picker.html').filter((f) => f.endsWith('.js'));
    const withReact = js.filter((f) => readFileSync(join(EXT, f), 'utf8').includes('react.element'));
    expect(withReact).toEqual([]);
  });

  it('the whole package stays within budget', () => {
    const total = listFiles(EXT).reduce((n, f) => n + f.bytes, 0);
    expect(total).toBeLessThanOrEqual(budgets.total);
  });
});

describe('least privilege and no remote code (built manifest)', () => {
  const manifest = () => JSON.parse(readFileSync(join(EXT, 'manifest.json'), 'utf8'));

  it('asks for exactly the reviewed permissions; TikTok API and Google Sheets only as optional hosts, identity only as optional', () => {
    const m = manifest();
    expect([...m.permissions].sort()).toEqual(['activeTab', 'alarms', 'contextMenus', 'notifications', 'scripting', 'storage', 'unlimitedStorage']);
    expect(m.host_permissions ?? []).toEqual([]);
    expect(m.optional_host_permissions).toEqual(['https://business-api.tiktok.com/*', 'https://sheets.googleapis.com/*']);
    expect(m.optional_permissions ?? []).toEqual(['identity']);
    expect(m.externally_connectable).toBeUndefined();
  });

  it('content scripts run only on the sites they serve; the picker frame is embeddable only by Ads Manager', () => {
    const m = manifest();
    const hosts = m.content_scripts.flatMap((c: { matches: string[] }) => c.matches.map((u: string) => new URL(u.replace('*.', 'x.')).host));
    for (const host of hosts) expect(host).toMatch(/(^|\.)(google\.com|live\.com|office\.com|office365\.com|cloud\.microsoft|instagram\.com|tiktok\.com|whatsapp\.com|slack\.com)$/);
    expect(m.content_scripts.every((c: { matches: string[] }) => c.matches.every((u: string) => u.startsWith('https://')))).toBe(true);
    expect(m.web_accessible_resources).toEqual([{ resources: ['code-picker.html'], matches: expect.arrayContaining(['https://ads.tiktok.com/*']) }]);
    for (const u of m.web_accessible_resources[0].matches) expect(u).toMatch(/^https:\/\/([a-z*]+\.)*ads(\.us)?\.tiktok\.com\/\*$/);
  });

  it('extension pages run only packaged scripts: strict CSP, no remote <script>, no eval of strings', () => {
    const csp: string = manifest().content_security_policy.extension_pages;
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:/);
    expect(csp).toMatch(/object-src 'none'/);
    for (const f of listFiles(EXT)) {
      const text = readFileSync(join(EXT, f.path), 'utf8');
      if (f.path.endsWith('.html')) expect(text, f.path).not.toMatch(/<script[^>]+src=["']?(https?:)?\/\//i);
      if (f.path.endsWith('.js')) expect(text, f.path).not.toMatch(/import\(\s*["'`]https?:|importScripts\(\s*["'`]https?:/);
    }
  });
});

describe('extractor growth on hostile input', () => {
  /** Fastest of n runs: noise on a busy machine only ever adds time. */
  const best = (n: number, fn: () => void) => {
    let min = Infinity;
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      fn();
      min = Math.min(min, performance.now() - t);
    }
    return min;
  };

  it(`50 kB → 500 kB costs at most ${budgets.linearity.test}× more, for every worst case`, () => {
    const small = worstCaseInputs(50_000);
    const large = worstCaseInputs(500_000);
    const ratios: Record<string, number> = {};
    for (const name of Object.keys(small)) {
      extractAdCodes(large[name]); // warm-up
      // Tiny inputs time below the clock's resolution; floor at 0.5 ms so the ratio means something.
      const t1 = Math.max(0.5, best(7, () => extractAdCodes(small[name])));
      const t10 = best(5, () => extractAdCodes(large[name]));
      ratios[name] = Number((t10 / t1).toFixed(1));
    }
    const superlinear = Object.entries(ratios).filter(([, r]) => r > budgets.linearity.test);
    expect(superlinear, JSON.stringify(ratios)).toEqual([]);
  }, 60_000);
});
