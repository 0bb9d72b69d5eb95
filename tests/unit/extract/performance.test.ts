import { describe, expect, it } from 'vitest';
import { extractAdCodes } from '../../../utils/extract';
import { C, mulberry32, randomBody } from './helpers';

// ---------------------------------------------------------------------------------------------------------
// Linear time: 1 MB must take ~10× as long as 100 KB (quadratic would be 100×).

describe('performance', () => {
  const KB = 1024;
  const timeMin = (fn: () => void, runs = 3) => {
    let best = Infinity;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      fn();
      best = Math.min(best, performance.now() - t0);
    }
    return best;
  };
  const rand = mulberry32(99);
  const blob = (n: number) => randomBody(rand, n);
  const repeatTo = (n: number, unit: () => string) => {
    const parts: string[] = [];
    let len = 0;
    while (len < n) {
      const u = unit();
      parts.push(u);
      len += u.length;
    }
    return parts.join('').slice(0, n);
  };

  const inputs: Record<string, (n: number) => string> = {
    'base64 text': (n) => blob(n),
    'base64 with "#" every 130 chars': (n) => repeatTo(n, () => '#' + blob(129)),
    'only "#"': (n) => '#'.repeat(n),
    'wrapped code-like lines': (n) => repeatTo(n, () => `#${blob(38)}\n> ${blob(30)}\n`),
    'labels without codes': (n) => repeatTo(n, () => 'Ad code: ' + blob(20) + ' '),
    'many real codes with periods': (n) => repeatTo(n, () => `Video (30 days): #${blob(64)} https://vm.tiktok.com/ZMabc12/ @x on TikTok\n`),
    'a code, then one long line of period phrases and handles': (n) =>
      `${C.a} ${repeatTo(n - 70, () => 'valid for 30 days, TikTok @jane.doe, we pay within 7 days ')}`,
    'entities and QP': (n) => repeatTo(n, () => 'ab&#43;c=\n=3D&amp;'),
  };

  // Timing tests can be disturbed by a busy machine: retry before calling it a failure.
  it.each(Object.entries(inputs))('%s', { retry: 2, timeout: 30_000 }, (_, make) => {
    const small = make(100 * KB);
    const big = make(1000 * KB);
    extractAdCodes(small); // warm up the JIT
    const tSmall = timeMin(() => extractAdCodes(small), 5);
    const tBig = timeMin(() => extractAdCodes(big), 2);
    // A complexity check, not a speed target (those live in `npm run bench`, 12×): floor the small run
    // at 5 ms, where timer resolution and one GC pause dominate. Linear code measures ~10× here,
    // quadratic ~100×; 40× tells them apart even on a busy machine running other test files at once.
    expect(tBig / Math.max(tSmall, 5)).toBeLessThanOrEqual(40);
  });
});
