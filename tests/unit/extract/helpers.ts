/** Shared test codes and helpers for the extract/*.test.ts tables. */
import { extractAdCodes, isPlausibleAdCode, type ExtractedCode } from '../../../utils/extract';
// ---------------------------------------------------------------------------------------------------------
// Test codes: random-looking, from a seeded PRNG so every run sees the same ones.

export const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const rng = mulberry32(20261120);

export function randomBody(rand: () => number, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += B64[Math.floor(rand() * 64)];
  return s;
}

/** A code of `length` body chars (padding included) that contains `+` and `/` when asked. */
export function makeCode(length: number, padding = 0, needSymbols = false): string {
  for (;;) {
    const body = randomBody(rng, length - padding) + '='.repeat(padding);
    if (needSymbols && !(body.includes('+') && body.includes('/'))) continue;
    if (isPlausibleAdCode('#' + body)) return '#' + body;
  }
}

export const C = {
  a: makeCode(64),
  b: makeCode(88, 2),
  c: makeCode(60),
  d: makeCode(76, 1),
  e: makeCode(44),
  f: makeCode(68, 1, true),
  g: makeCode(72),
};
export type CodeName = keyof typeof C;
export const body = (name: CodeName) => C[name].slice(1);

/** The two example codes from the product notes. */
export const NOTE_CODE_1 = '#YXV0aDpWMTpzcGFyazo3MzAxMjM0NTY3ODkwMTIzNDU2OmFsaWNlOnJhbmRvbQ==';
export const NOTE_CODE_2 = '#aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5bC7dE9fG1hJ3kL5mN7pQ9rS1tU3v+/w=';

export const SHORTEST = '#aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5bC7d';
export const LONGEST = `#${'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5bC7'.repeat(3)}xyz`;

export const codesOf = (text: string) => extractAdCodes(text).map((r) => r.code);



export interface Case {
  name: string;
  text: string;
  expected: ExtractedCode[];
}

export const only = (code: string, extra: Omit<ExtractedCode, 'code'> = {}): ExtractedCode[] => [{ code, ...extra }];
