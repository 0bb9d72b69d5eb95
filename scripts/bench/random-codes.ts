/** Deterministic random ad codes: the same bytes on every run and machine (no DOM, no node APIs). */

export const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Small fast PRNG so every run and every machine sees the same bytes. */
export function random(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

export function adCode(rand: () => number): string {
  let body = '';
  for (let i = 0; i < 64; i++) body += ALPHABET[Math.floor(rand() * 64)];
  // Guarantee the mixed-case-and-digit shape real codes have.
  return `#Q7x${body.slice(3, 60)}aZ9`;
}
