import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractAdCodes, isPlausibleAdCode, normalizeAdCode } from '../../../utils/extract';
import { B64, codesOf } from './helpers';

// ---------------------------------------------------------------------------------------------------------
// Properties

const b64Char = fc.constantFrom(...B64.split(''));
const codeArb = fc
  .tuple(fc.integer({ min: 40, max: 118 }), fc.integer({ min: 0, max: 2 }))
  .chain(([len, pad]) => fc.array(b64Char, { minLength: len, maxLength: len }).map((cs) => '#' + cs.join('') + '='.repeat(pad)))
  .filter(isPlausibleAdCode);

/** Separators that can't be read as part of a code (a bare space/newline before more base64 could be). */
const before = fc.constantFrom(' ', '\n', ': ', ' (', ' “', ' 👉', '\n> ', '\t', ' «\u00a0', '、');
const after = fc.constantFrom('. ', ', ', '! ', ') ', '” ', ' 🙏', '\n\n', '; ', '? ', '…', ' —', '」');

describe('properties', () => {
  it('a code embedded anywhere in arbitrary text is found exactly once, unchanged', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), before, codeArb, after, fc.string({ maxLength: 200 }), (pre, sb, code, sa, post) => {
        const found = codesOf(pre + sb + code + sa + post);
        expect(found.filter((c) => c === code)).toHaveLength(1);
      }),
      { numRuns: 300 },
    );
  });

  it('a code in unicode text (with emoji, CJK, RTL) is found exactly once', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), codeArb, fc.string({ unit: 'grapheme', maxLength: 100 }), (pre, code, post) => {
        const found = codesOf(`${pre}\n${code}\n\n${post}`);
        expect(found.filter((c) => c === code)).toHaveLength(1);
      }),
      { numRuns: 200 },
    );
  });

  /** Text made of pieces that exercise every path: labels, quotes, wraps, padding, entities, handles, URLs. */
  const noisy = fc
    .array(
      fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.string({ unit: 'binary', maxLength: 6 }),
        fc.array(b64Char, { maxLength: 70 }).map((cs) => cs.join('')),
        fc.constantFrom('#', '\n', '\n> ', ' ', '=', '==', '=\n', '=3D', '&#43;', '&amp;', '\u200b', '\u00a0', '.', '_', '-'),
        fc.constantFrom('Ad code: ', 'código de anuncio ', '広告コード', '30 days', 'a week', '1ヶ月', 'within 7 days'),
        fc.constantFrom('@jane.doe', 'TikTok: ', 'https://www.tiktok.com/@x/video/12345678', 'https://x.com/?t=', '-----BEGIN ', 'eyJ'),
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join(''));

  const isSubsequence = (needle: string, hay: string) => {
    let j = 0;
    for (let i = 0; i < hay.length && j < needle.length; i++) if (hay[i] === needle[j]) j++;
    return j === needle.length;
  };

  it('never throws and only returns canonical codes taken from the input', () => {
    fc.assert(
      fc.property(noisy, (text) => {
        const results = extractAdCodes(text);
        const source = text.replace(/&#43;/g, '+').replace(/=3D/g, '=');
        const seen = new Set<string>();
        for (const r of results) {
          expect(isPlausibleAdCode(r.code)).toBe(true);
          expect(normalizeAdCode(r.code)).toBe(r.code);
          expect(isSubsequence(r.code.slice(1), source)).toBe(true);
          expect(seen.has(r.code)).toBe(false);
          seen.add(r.code);
          if (r.periodDays !== undefined) expect([7, 30, 60, 365]).toContain(r.periodDays);
          if (r.creatorHandle !== undefined) expect(r.creatorHandle).toMatch(/^@[a-z0-9._]{1,64}$/);
          if (r.postUrl !== undefined) expect(r.postUrl).toMatch(/^https:\/\/([a-z0-9-]+\.)*tiktok\.com\//);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 500 }), (text) => {
        for (const r of extractAdCodes(text)) expect(isPlausibleAdCode(r.code)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('normalizeAdCode returns null or a canonical code, and is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 150 }), codeArb, noisy), (raw) => {
        const n = normalizeAdCode(raw);
        if (n !== null) {
          expect(isPlausibleAdCode(n)).toBe(true);
          expect(normalizeAdCode(n)).toBe(n);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('normalizeAdCode undoes decorations of a code', () => {
    const decorate = fc.constantFrom(
      (c: string) => c.slice(1),
      (c: string) => `“${c}”`,
      (c: string) => ` ${c}. `,
      (c: string) => c.replace(/\+/g, '&#43;').replace(/\//g, '&#x2F;'),
      (c: string) => `${c.slice(0, 20)}\u200b${c.slice(20)}`,
      (c: string) => `${c.slice(0, 25)}\n> ${c.slice(25)}`,
      (c: string) => `${c.slice(0, 35)}\u00a0${c.slice(35)}`,
    );
    fc.assert(
      fc.property(codeArb, decorate, (code, deco) => {
        expect(normalizeAdCode(deco(code))).toBe(code);
      }),
      { numRuns: 300 },
    );
  });
});
