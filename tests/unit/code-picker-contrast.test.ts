// WCAG AA for every text in the Ads Manager code picker, light and dark, computed from the colour
// tokens in its stylesheet (so a token changed there is checked here): 4.5:1 for text, 3:1 for the
// Fill button's outline against the list.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(join(__dirname, '../../entrypoints/code-picker/picker.css'), 'utf8');

function tokens(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{3,6})\s*;/gi)].map((m) => [m[1], m[2].toLowerCase()]));
}
const light = tokens(css.slice(css.indexOf(':root {'), css.indexOf('}', css.indexOf(':root {'))));
const darkStart = css.indexOf(':root {', css.indexOf('prefers-color-scheme: dark'));
const dark = { ...light, ...tokens(css.slice(darkStart, css.indexOf('}', darkStart))) };

function luminance(hex: string): number {
  const h = hex.length === 4 ? hex.replace(/[0-9a-f]/gi, (c) => c + c).slice(1) : hex.slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** [text token, background token, what it is]: every text the picker draws on the background it sits on. */
const TEXT_PAIRS: [string, string, string][] = [
  ['ink', 'surface', 'title, creator'],
  ['ink-soft', 'surface', 'account, note and code, expiry, footer keys'],
  ['ink-faint', 'surface', 'expired rows'],
  ['ink-soft', 'hover', 'note and expiry on a hovered row'],
  ['ink-soft', 'active', 'note and expiry on the highlighted row'],
  ['ink', 'active', 'creator on the highlighted row'],
  ['ink-faint', 'hover', 'disabled Fill text'],
  ['warn', 'surface', 'expiring soon'],
  ['warn', 'active', 'expiring soon, highlighted'],
  ['accent-text', 'surface', 'Fill'],
  ['accent-text', 'hover', 'Fill on a hovered row'],
  ['on-accent', 'accent-text', 'Fill when hovered, focused or highlighted; Fill anyway'],
  ['field-ink', 'field-soft', '"In the field" tag, marked-used banner'],
  ['error', 'error-soft', 'refusal banner, error message'],
  ['warn-ink', 'warn-soft', 'used-here question'],
  ['ok', 'surface', 'filled notice'],
];

describe.each([
  ['light', light],
  ['dark', dark],
])('code picker contrast (%s)', (_scheme, t) => {
  it.each(TEXT_PAIRS)('%s on %s (%s) is at least 4.5:1', (fg, bg) => {
    expect(t[fg], fg).toMatch(/^#/);
    expect(t[bg], bg).toMatch(/^#/);
    expect(contrast(t[fg], t[bg])).toBeGreaterThanOrEqual(4.5);
  });

  it('the Fill button’s outline stands out from the list (3:1, non-text contrast)', () => {
    expect(contrast(t['accent-text'], t.surface)).toBeGreaterThanOrEqual(3);
  });
});

describe('the contrast check itself', () => {
  it('knows the reference values, and TikTok pink on white fails AA as the issue measured', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrast('#fe2c55', '#ffffff')).toBeLessThan(4.5);
  });

  it('every colour in the stylesheet’s text rules is a token (no literal that this test would miss)', () => {
    const literal = [...css.matchAll(/(?:^|[;{\s])color:\s*(#[0-9a-f]{3,6})/gim)].map((m) => m[1]);
    // The avatar's initial: white on its own gradient's stops and the expired grey, read from the stylesheet too.
    expect(literal).toEqual(['#fff']);
    const avatarBackgrounds = [...css.matchAll(/\.avatar[^}]*?background:[^;]*/g)].flatMap((m) => m[0].match(/#[0-9a-f]{6}/gi) ?? []);
    expect(avatarBackgrounds.length).toBeGreaterThanOrEqual(3);
    for (const bg of avatarBackgrounds) expect(contrast('#ffffff', bg), bg).toBeGreaterThanOrEqual(4.5);
  });
});
