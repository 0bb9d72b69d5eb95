import { describe, expect, it } from 'vitest';
import { extractAdCodes } from '../../../utils/extract';
import { C, body } from './helpers';

// Issue 16 item 2: codes that were missed, handles read wrong, and other platforms' codes taken for ours.

/** A 32-char body: the shortest a clearly labelled code may be. */
const SHORT = '#Xk3Qp9LmW2xVb7RtY5nHc8JdF4sGa1Ke';
/** Meta partnership ad codes are base64url; the ones seen start with Q9jT or carry an `adcode-` prefix. */
const META = 'Q9jTZk3Qp9LmW2xVb7RtY5nHc8JdF4sGa1KeU6oPi0MwXqTzBvNjCrDyEuIhOlSgAf';
const META_URL = 'Q9jTZk3Qp9LmW2xVb7RtY5nHc8JdF4sGa1KeU6oPi0MwXqTzBv_NjCrDy-EuIhOlSgAf';

const codesOf = (text: string) => extractAdCodes(text).map((r) => r.code);

describe('codes in wrappers and glued to punctuation', () => {
  it.each([
    ['angle brackets', `Code: <${C.a}>`],
    ['angle brackets, escaped HTML', `Code: &lt;${C.a}&gt;`],
    ['curly quotes', `The code is “${C.a}” — thanks!`],
    ['guillemets', `Le code : «${C.a}»`],
    ['Japanese brackets', `コード「${C.a}」`],
    ['emoji right after', `Code: ${C.a}🙏`],
    ['emoji before and after', `🔥${C.a}🔥`],
    ['exclamation marks', `Here it is ${C.a}!!`],
    ['ellipsis', `Code ${C.a}…`],
    ['full stop then text', `Code ${C.a}.Thanks`],
    ['comma then text', `Code ${C.a},thanks`],
    ['closing paren', `(code ${C.a})`],
    ['markdown bold', `**${C.a}**`],
  ])('%s', (_, text) => {
    expect(codesOf(text)).toEqual([C.a]);
  });
});

describe('a labelled code whose "#" was lost', () => {
  it.each([
    `Ad code (the # didn't copy): ${body('a')}`,
    `Spark code — sorry, the # got lost: ${body('a')}`,
    `Código del anuncio (sin el #): ${body('a')}`,
    `Anzeigencode (ohne #):\n${body('a')}`,
    `Advertentiecode: ${body('a')}`,
    `広告コード（#が消えました）：${body('a')}`,
    `Sorry, resending without the hashtag: ${body('a')}`,
    `Reenvío sin el #: ${body('a')}`,
    `Code pub : ${body('a')}`,
  ])('%j', (text) => {
    expect(codesOf(text)).toEqual([C.a]);
  });
});

describe('short but clearly labelled codes', () => {
  it.each([
    `Spark code: ${SHORT}`,
    `Spark code: ${SHORT.slice(1)}`,
    `Here's my ad code ${SHORT} thanks`,
    `Ad codes:\n${SHORT}\n${C.a}`,
    `Código de anuncio: ${SHORT}`,
    `広告コード：${SHORT}`,
  ])('%j', (text) => {
    expect(codesOf(text)).toContain(SHORT);
  });

  it.each([
    `Order ${SHORT} has shipped`,
    `Tracking: ${SHORT.slice(1)}`,
    `#${SHORT.slice(1)} is trending`,
  ])('a short string without a label is not a code: %j', (text) => {
    expect(codesOf(text)).toEqual([]);
  });
});

describe('creator handles', () => {
  it.each<[string, string | undefined]>([
    [`TikTok: @Maya.Lopez\nCode ${C.a}`, '@maya.lopez'],
    [`Code ${C.a} (@Some.Name)`, '@some.name'],
    [`Maya (@Some.Name) sent this ad code: ${C.a}`, '@some.name'],
    [`Instagram: @maya.ig\nCode ${C.a}`, undefined],
    [`My YouTube is @MayaTube. Code ${C.a}`, undefined],
    [`Code ${C.a}\nIG (@maya.ig)`, undefined],
    [`IG: @maya.ig / TikTok: @Maya.TT\nCode ${C.a}`, '@maya.tt'],
    [`Code ${C.a} — find me as @MayaCooks on TikTok, @maya.eats on Instagram`, '@mayacooks'],
    [`Creadora: @Lucia.Viajes\nCódigo: ${C.a}`, '@lucia.viajes'],
  ])('%j → %s', (text, handle) => {
    expect(extractAdCodes(text)[0]?.creatorHandle).toBe(handle);
  });
});

describe("other platforms' codes are not TikTok codes", () => {
  it.each([
    `Here is my Instagram partnership ad code: ${META}`,
    `Here is my Instagram partnership ad code:\n${META}`,
    `Partnership ad code: ${META}`,
    `Ad code: adcode-${META}`,
    `adcode-${META}`,
    `Facebook ad code: ${META}`,
    `Ad code: ${META}\nhttps://www.instagram.com/p/Cx123abc/`,
    `Ad code: ${C.a.slice(1)}\nhttps://www.instagram.com/p/Cx123abc/`,
    `Instagram partnership ad code: ${META_URL}`,
    `Snapchat ad code: adcode_${C.a.slice(1)}`,
    `Meta partnership ad code: #${META}`,
  ])('%j', (text) => {
    expect(codesOf(text)).toEqual([]);
  });

  it('keeps the TikTok code when both are in one message', () => {
    const text = `Instagram partnership ad code: ${META}\nTikTok Spark code: ${C.a}\nThanks!`;
    expect(codesOf(text)).toEqual([C.a]);
  });

  it('keeps a TikTok code sent with a TikTok link before an Instagram one', () => {
    const text = `Ad code: ${C.a.slice(1)}\nhttps://www.tiktok.com/@maya/video/7301234567890123456\nhttps://instagram.com/maya`;
    expect(codesOf(text)).toEqual([C.a]);
  });

  it('still reads a TikTok code from someone who mentions Instagram in another sentence', () => {
    expect(codesOf(`Loved the Instagram collab! Here is the ad code: ${C.a}`)).toEqual([C.a]);
  });
});
