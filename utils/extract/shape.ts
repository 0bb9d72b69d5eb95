/**
 * What a code body looks like: base64 alphabet, length bounds, and a "does this look random?" score that
 * tells codes from long CamelCase hashtags. Pure and linear.
 */

/** Body length bounds, padding not counted. Real codes are ~60–90 chars; 40 keeps shorter ones. */
export const MIN_BODY = 40;
/** A code right after an "ad code:" label (or given alone, as normalizeAdCode is) may be this short. */
export const MIN_LABELLED_BODY = 32;
export const MAX_BODY = 120;

// ---------------------------------------------------------------------------------------------------------
// Character classes and the "does this look random?" score

export const UPPER = 0;
export const LOWER = 1;
export const DIGIT = 2;
export const SYMBOL = 3;

/** 0 upper, 1 lower, 2 digit, 3 `+` or `/`, -1 anything else. */
export function charClass(c: number): number {
  if (c >= 65 && c <= 90) return UPPER;
  if (c >= 97 && c <= 122) return LOWER;
  if (c >= 48 && c <= 57) return DIGIT;
  if (c === 43 || c === 47) return SYMBOL;
  return -1;
}

export function isB64(c: number): boolean {
  return charClass(c) >= 0;
}

/**
 * Log-likelihood ratio "made of words" vs "uniform random base64", from a character-class bigram model plus
 * vowel frequency. In random base64 an upper-case letter is followed by another upper-case letter 41% of the
 * time and letters are vowels ~23% of the time; in CamelCase hashtags ("SummerVibes2026") a capital is
 * followed by lower case ~80% of the time, digits come in runs and ~40% of letters are vowels.
 * Measured: random 64-char bodies score ≈ −29 (0.01% above 0); long hashtags score ≥ +8.
 */
const RANDOM_P = [26 / 64, 26 / 64, 10 / 64, 2 / 64];
const WORDY_P = [
  [0.14, 0.78, 0.07, 0.01], // after upper
  [0.17, 0.8, 0.025, 0.005], // after lower
  [0.35, 0.1, 0.545, 0.005], // after digit
  [0.3, 0.3, 0.3, 0.1], // after + or /
];
const TRANSITION_LLR = WORDY_P.map((row) => row.map((p, j) => Math.log(p / RANDOM_P[j])));
const VOWEL_LLR = Math.log(0.4 / (12 / 52));
const CONSONANT_LLR = Math.log(0.6 / (40 / 52));
const VOWELS = new Set('aeiouyAEIOUY');

export function wordiness(s: string): number {
  let score = 0;
  let prev = -1;
  for (let i = 0; i < s.length; i++) {
    const k = charClass(s.charCodeAt(i));
    if (k < 0) continue;
    if (prev >= 0) score += TRANSITION_LLR[prev][k];
    if (k <= LOWER) score += VOWELS.has(s[i]) ? VOWEL_LLR : CONSONANT_LLR;
    prev = k;
  }
  return score;
}

/** Above this a body reads as words (a hashtag), not as a code. */
const HASHTAG_WORDINESS = 4;

const BODY_SHAPE_RE = /^[A-Za-z0-9+/]{1,200}={0,2}$/;

/** `body` without `#`, padding allowed. */
export function isPlausibleBody(body: string, minBody = MIN_BODY): boolean {
  if (!BODY_SHAPE_RE.test(body)) return false;
  const core = body.replace(/=+$/, '');
  if (core.length < minBody || core.length > MAX_BODY) return false;
  const counts = [0, 0, 0, 0];
  const distinct = new Set<string>();
  for (let i = 0; i < core.length; i++) {
    counts[charClass(core.charCodeAt(i))]++;
    distinct.add(core[i]);
  }
  // Mixed case plus a digit or + /: rules out hex hashes, upper-case order ids, all-lower hashtags.
  if (counts[UPPER] < 2 || counts[LOWER] < 2 || counts[DIGIT] + counts[SYMBOL] < 1) return false;
  // Keyboard mash / repeated patterns ("AaAa1AaAa1…") are not random enough.
  if (distinct.size < 16) return false;
  return wordiness(core) < HASHTAG_WORDINESS;
}

/** True for a canonical code (`#` + plausible body), as returned by `normalizeAdCode` / `extractAdCodes`. */
export function isPlausibleAdCode(code: string): boolean {
  return typeof code === 'string' && code.length > 1 && code[0] === '#' && isPlausibleBody(code.slice(1), MIN_LABELLED_BODY);
}

/**
 * A fragment next to a code that is more likely text than the rest of the code: a word ("Thanks", "Jane",
 * "TikTok"), a number, a period ("30d") or a version ("v2"). Short random fragments can look like this too
 * (a 3-char tail is a "word" ~20% of the time); we prefer losing such a tail to gluing words onto codes.
 */
export function isWordLike(s: string): boolean {
  if (/[+/]/.test(s)) return false;
  if (/^(?:\d+|[A-Z]?[a-z]+|[A-Z]{1,5}|\d{1,3}[A-Za-z]{1,6}|[A-Za-z]{1,2}\d{1,2})$/.test(s)) return true;
  // "TikTok", "iPhone", "McDonalds": [A-Z] and [a-z] never overlap, so this can't backtrack.
  if (/^[a-z]{0,2}(?:[A-Z][a-z]+){1,3}$/.test(s)) return true;
  return s.length >= 4 && wordiness(s) >= 2;
}

/**
 * The text a wrapped piece would be appended to reads like words ("#fyp", "#SummerVibes", a long CamelCase
 * hashtag) rather than like the first part of a code. Short first parts are only rejected when they are
 * plainly words: a code that starts near the end of a line may leave just a few random chars there.
 */
export function isWordyPrefix(s: string): boolean {
  if (s.length >= 24) return wordiness(s) > 2;
  return s.length >= 3 && /^(?:[a-z]+|[a-z]{0,2}(?:[A-Z][a-z]+){1,4})$/.test(s);
}
