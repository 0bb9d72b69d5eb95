import { describe, expect, it } from 'vitest';
import { isPlausibleAdCode, normalizeAdCode } from '../../../utils/extract';
import { body, C, mulberry32, randomBody } from './helpers';

// ---------------------------------------------------------------------------------------------------------

describe('normalizeAdCode / isPlausibleAdCode', () => {
  const a = C.a;
  const f = C.f;
  const good: Array<[string, string, string]> = [
    ['canonical', a, a],
    ['without #', body('a'), a],
    ['surrounding spaces and newline', `  ${a}\n`, a],
    ['smart quotes', `“${a}”`, a],
    ['guillemets', `« ${a} »`, a],
    ['backticks', '`' + a + '`', a],
    ['trailing full stop', `${a}.`, a],
    ['trailing ")!"', `(${a})!`, a],
    ['wrapped with a quote prefix', `${a.slice(0, 30)}\n> ${a.slice(30)}`, a],
    ['QP soft break', `${f.slice(0, 30)}=\n${f.slice(30).replace('=', '=3D')}`, f],
    ['space inside', `${a.slice(0, 30)} ${a.slice(30)}`, a],
    ['zero-width inside', `${a.slice(0, 30)}\u200b${a.slice(30)}`, a],
    ['entities', f.replace('+', '&#43;').replace('/', '&#x2F;'), f],
    ['URL-encoded', encodeURIComponent(f), f],
    ['full-width #', `＃${body('a')}`, a],
  ];
  it.each(good)('%s', (_, raw, want) => {
    expect(normalizeAdCode(raw)).toBe(want);
    expect(isPlausibleAdCode(want)).toBe(true);
  });

  const bad = ['', '#', '#fyp', '#SummerCollectionLaunch2026BestDealsEverForEveryone', '#ff00aa', 'hello world', `Ad code: ${a}`,
    `${a}${a}`, `${a}-x`, '#9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', `${a}===`];
  it.each(bad)('rejects %j', (raw) => {
    expect(normalizeAdCode(raw)).toBeNull();
  });

  it('isPlausibleAdCode wants the canonical form', () => {
    expect(isPlausibleAdCode(a)).toBe(true);
    expect(isPlausibleAdCode(body('a'))).toBe(false);
    expect(isPlausibleAdCode(` ${a}`)).toBe(false);
    expect(isPlausibleAdCode(`${a}\n`)).toBe(false);
    expect(isPlausibleAdCode('#' + 'aB3'.repeat(13))).toBe(false); // repetitive
    // Codes as short as 32 chars are real (labelled ones, issue 16); a lone 31-char string is not one.
    expect(isPlausibleAdCode('#Xk3Qp9LmW2xVb7RtY5nHc8JdF4sGa1Ke')).toBe(true); // 32 chars
    expect(isPlausibleAdCode('#Xk3Qp9LmW2xVb7RtY5nHc8JdF4sGa1K')).toBe(false); // 31 chars
    expect(normalizeAdCode(' "#Xk3Qp9LmW2xVb7RtY5nHc8JdF4sGa1Ke" ')).toBe('#Xk3Qp9LmW2xVb7RtY5nHc8JdF4sGa1Ke');
    expect(normalizeAdCode('#Xk3Qp9LmW2xVb7RtY5nHc8JdF4sGa1K')).toBeNull();
  });

  it('accepts nearly all random base64 bodies of real lengths (seeded sample)', () => {
    const rand = mulberry32(42);
    let rejected = 0;
    const n = 10000;
    for (let i = 0; i < n; i++) {
      const len = 60 + Math.floor(rand() * 31);
      if (!isPlausibleAdCode('#' + randomBody(rand, len))) rejected++;
    }
    expect(rejected / n).toBeLessThan(0.001);
  });

  it('rejects generated CamelCase hashtags of code length (seeded sample)', () => {
    const words = [
      'summer collection launch best deals ever for everyone new year me my morning routine get ready with',
      'skincare makeup tutorial fashion outfit of the day tiktok made buy it challenge dance trend viral food',
      'recipe easy dinner ideas travel vlog gym workout life hack home decor before after glow up back to school',
      'haul unboxing review sale off black friday gift guide holiday love you so much thank small business link',
      'in bio free shipping today limited edition drop i a go be do no on at we',
    ]
      .join(' ')
      .split(' ');
    const rand = mulberry32(7);
    for (let i = 0; i < 2000; i++) {
      let tag = '';
      while (tag.length < 40 + Math.floor(rand() * 40)) {
        const w = words[Math.floor(rand() * words.length)];
        tag += w[0].toUpperCase() + w.slice(1);
        if (rand() < 0.15) tag += String(Math.floor(rand() * 3000));
      }
      expect(isPlausibleAdCode('#' + tag), tag).toBe(false);
    }
  });
});
