import { describe, expect, it } from 'vitest';
import { extractAdCodes } from '../../../utils/extract';
import { body, C, codesOf, LONGEST, makeCode, NOTE_CODE_1, NOTE_CODE_2, only, SHORTEST, type Case } from './helpers';

describe('finding codes', () => {
  const cases: Case[] = [
    { name: 'plain code in a sentence', text: `Here is my ad code: ${C.a} thanks!`, expected: only(C.a) },
    { name: 'notes example 1 (== padding)', text: `code ${NOTE_CODE_1}`, expected: only(NOTE_CODE_1) },
    { name: 'notes example 2 (+/ and = padding)', text: `code ${NOTE_CODE_2}`, expected: only(NOTE_CODE_2) },
    { name: 'whole text is the code', text: C.b, expected: only(C.b) },
    { name: 'followed by a full stop', text: `Code is ${C.a}.`, expected: only(C.a) },
    { name: 'followed by comma, then more text', text: `${C.a}, use it soon`, expected: only(C.a) },
    { name: 'in parentheses', text: `(${C.c})`, expected: only(C.c) },
    { name: 'followed by "!"', text: `${C.d}!`, expected: only(C.d) },
    { name: 'followed by an ellipsis', text: `${C.c}…`, expected: only(C.c) },
    { name: 'smart double quotes', text: `Code: “${C.a}”`, expected: only(C.a) },
    { name: 'smart single quotes', text: `Code: ‘${C.a}’`, expected: only(C.a) },
    { name: 'straight quotes', text: `Code: "${C.f}"`, expected: only(C.f) },
    { name: 'guillemets with no-break spaces', text: `Code : «\u00a0${C.a}\u00a0»`, expected: only(C.a) },
    { name: 'backticks (Slack / markdown)', text: 'code: `' + C.a + '`', expected: only(C.a) },
    { name: 'markdown bold', text: `**${C.g}**`, expected: only(C.g) },
    { name: 'Japanese brackets', text: `広告コード「${C.a}」です`, expected: only(C.a) },
    { name: 'right after a CJK colon, glued to CJK text', text: `コード：${C.a}です。`, expected: only(C.a) },
    { name: 'emoji on both sides, no spaces', text: `👉${C.a}🙏`, expected: only(C.a) },
    { name: 'emoji then space', text: `here 👉 ${C.e} 🙌🏽`, expected: only(C.e) },
    { name: 'full-width ＃', text: `広告コード ＃${body('a')}`, expected: only(C.a) },
    { name: 'HTML tag leftovers', text: `<p>Code: <b>${C.a}</b></p>`, expected: only(C.a) },
    {
      name: 'two codes on one line, separated by a comma',
      text: `Codes: ${C.a}, ${C.b}`,
      expected: [{ code: C.a }, { code: C.b }],
    },
    {
      name: 'two codes one per line (Smart+ paste format)',
      text: `${C.a}\n${C.b}\n${C.c}`,
      expected: [{ code: C.a }, { code: C.b }, { code: C.c }],
    },
    { name: 'same code twice (quoted reply) → once', text: `${C.a}\n\n> ${C.a}\n>> ${C.a}`, expected: only(C.a) },
    {
      name: 'order of first appearance',
      text: `first ${C.c}, then ${C.a}, again ${C.c}`,
      expected: [{ code: C.c }, { code: C.a }],
    },
    { name: 'shortest accepted (40 chars)', text: `code ${SHORTEST}`, expected: only(SHORTEST) },
    { name: 'longest accepted (120 chars)', text: `code ${LONGEST}`, expected: only(LONGEST) },
    { name: 'one space after the # (hand-typed)', text: `Ad code: # ${body('a')}`, expected: only(C.a) },
  ];
  it.each(cases)('$name', ({ text, expected }) => {
    expect(extractAdCodes(text)).toEqual(expected);
  });
});

describe('repairing mangled codes', () => {
  const a = C.a;
  const b = C.b;
  const f = C.f;
  const cases: Case[] = [
    { name: 'hard line break inside the code', text: `Code: ${a.slice(0, 45)}\n${a.slice(45)}\nThanks`, expected: only(a) },
    { name: 'CRLF line break inside the code', text: `Code: ${a.slice(0, 30)}\r\n${a.slice(30)}\r\nThanks`, expected: only(a) },
    { name: 'wrapped over three lines', text: `Code:\n${b.slice(0, 30)}\n${b.slice(30, 60)}\n${b.slice(60)}\nBest`, expected: only(b) },
    { name: 'wrapped inside "> " quotes', text: `> Code: ${b.slice(0, 50)}\n> ${b.slice(50)}\n> Cheers`, expected: only(b) },
    { name: 'wrapped inside nested "> > " quotes', text: `> > ${a.slice(0, 21)}\n> > ${a.slice(21)}\n> > Jane`, expected: only(a) },
    { name: 'line break with trailing spaces (format=flowed)', text: `${a.slice(0, 33)} \n${a.slice(33)}`, expected: only(a) },
    { name: 'quoted-printable soft break "=" left in', text: `Code: ${b.slice(0, 40)}=\n${b.slice(40)}`, expected: only(b) },
    { name: 'quoted-printable "=3D" padding', text: `Code: ${b.replace(/=/g, '=3D')}`, expected: only(b) },
    { name: 'only the padding wrapped onto the next line', text: `Code: ${b.slice(0, -2)}\n==\nThanks`, expected: only(b) },
    { name: 'code starting at the very end of a line', text: `Here is the ad code #${body('a').slice(0, 3)}\n${body('a').slice(3)}`, expected: only(a) },
    { name: 'split with a space', text: `Code: ${a.slice(0, 30)} ${a.slice(30)} ok?`, expected: only(a) },
    { name: 'split with a no-break space', text: `Code: ${a.slice(0, 30)}\u00a0${a.slice(30)}`, expected: only(a) },
    { name: 'zero-width space inside', text: `Code: ${a.slice(0, 20)}\u200b${a.slice(20, 50)}\u200b${a.slice(50)}`, expected: only(a) },
    { name: 'ZWNJ, ZWJ, word joiner, BOM inside', text: `${a.slice(0, 10)}\u200c${a.slice(10, 20)}\u200d${a.slice(20, 30)}\u2060${a.slice(30, 40)}\ufeff${a.slice(40)}`, expected: only(a) },
    { name: 'soft hyphen inside', text: `${a.slice(0, 25)}\u00ad${a.slice(25)}`, expected: only(a) },
    { name: '&#43; and &#x2F; entities', text: `Code: ${f.replace(/\+/g, '&#43;').replace(/\//g, '&#x2F;')}`, expected: only(f) },
    { name: '&#47; and &#61; entities', text: `Code: ${f.replace(/\//g, '&#47;').replace(/=/g, '&#61;')}`, expected: only(f) },
    { name: '&quot; around the code', text: `Code: &quot;${f}&quot;`, expected: only(f) },
    { name: '&amp;-double-escaped entities', text: `Code: ${f.replace(/\+/g, '&amp;#43;')}`, expected: only(f) },
    { name: 'named entities &plus; &sol; &equals;', text: `${f.replace(/\+/g, '&plus;').replace(/\//g, '&sol;').replace(/=/g, '&equals;')}`, expected: only(f) },
  ];
  it.each(cases)('$name', ({ text, expected }) => {
    expect(extractAdCodes(text)).toEqual(expected);
  });

  it('re-joins a 1–3 char tail that completes a multiple of 4 (whole base64 bytes)', () => {
    const code = makeCode(64);
    for (const tail of [1, 2, 3]) {
      expect(codesOf(`Code: ${code.slice(0, -tail)}\n${code.slice(-tail)}\nJane`)).toEqual([code]);
    }
  });

  it('does not glue the next line onto a complete code', () => {
    for (const next of ['Thanks', 'Jane', 'TikTok: @jane', '30 days', '30d', 'Best,', 'www.example.com', 'https://x.com']) {
      expect(codesOf(`Code: ${C.a}\n${next}`)).toEqual([C.a]);
    }
  });

  it('does not glue a following word onto a code', () => {
    for (const next of ['please', 'Thanks!', '2026', 'v2', '60days', '(30 days)']) {
      expect(codesOf(`Code: ${C.a} ${next}`)).toEqual([C.a]);
    }
  });

  it('keeps two complete codes on consecutive lines apart', () => {
    const x = makeCode(44);
    const y = makeCode(44);
    expect(codesOf(`${x}\n${y}`)).toEqual([x, y]);
  });

  it('does not glue a hashtag at the end of a line to the next line', () => {
    expect(codesOf(`#SummerVibes\n${body('a').slice(0, 30)} is not a code`)).toEqual([]);
  });

  it('does not join across a blank line', () => {
    expect(codesOf(`${C.a.slice(0, 30)}\n\n${C.a.slice(30)}`)).toEqual([]);
  });
});

describe('codes without their "#"', () => {
  const cases: Array<[string, string]> = [
    ['Ad code: {}', 'en'],
    ['ad code - {}', 'en'],
    ['Spark code – {}', 'en'],
    ['Spark Ads code: {}', 'en'],
    ['Here is the video code:\n{}', 'en'],
    ['TikTok post code {}', 'en'],
    ['My authorization code is {}', 'en'],
    ['Authorisation code: {}', 'en'],
    ['Boost code: {}', 'en'],
    ['whitelisting code: {}', 'en'],
    ['white listing code: {}', 'en'],
    ['the code for the Spark ad is {}', 'en'],
    ['Allowlisting code = {}', 'en'],
    ['Ad code (valid 30 days):\n\n{}', 'en'],
    ['here is my ad code, it is\n{}', 'en'],
    ['Código de anuncio: {}', 'es'],
    ['código del vídeo: {}', 'es'],
    ['Código de autorización: {}', 'es'],
    ['Código do anúncio: {}', 'pt'],
    ['código de autorização: {}', 'pt'],
    ['Anzeigencode: {}', 'de'],
    ['Spark-Code: {}', 'de'],
    ['Code publicitaire : {}', 'fr'],
    ['code d’autorisation : {}', 'fr'],
    ['Codice annuncio: {}', 'it'],
    ["codice dell'annuncio: {}", 'it'],
    ['広告コード：{}', 'ja'],
    ['動画コード {}', 'ja'],
    ['投稿コードは{}です', 'ja'],
  ];
  it.each(cases)('%s (%s)', (template) => {
    expect(codesOf(template.replace('{}', body('c')))).toEqual([C.c]);
  });

  it('takes every code of a labelled list, one per line', () => {
    const text = `Here are the ad codes:\n${body('a')}\n${body('b')}\n\n${body('c')}\n\nThanks!`;
    expect(codesOf(text)).toEqual([C.a, C.b, C.c]);
  });

  it('does not add a "#" to an unlabelled base64 blob', () => {
    expect(codesOf(`Here is something: ${body('a')}`)).toEqual([]);
    expect(codesOf(`${body('a')}\n${body('b')}`)).toEqual([]);
    expect(codesOf(`Promo code: ${body('a')}`)).toEqual([]);
    expect(codesOf(`Verification code: ${body('a')}`)).toEqual([]);
  });

  it('only looks a short way past the label', () => {
    const far = 'x '.repeat(80);
    expect(codesOf(`Ad code: ${far}${body('a')}`)).toEqual([]);
    expect(codesOf(`Ad code:\n\n\nsee below\n${body('a')}`)).toEqual([]);
  });
});

describe('not codes', () => {
  const negatives: Array<[string, string]> = [
    ['short hashtags', '#fyp #foryou #ad #sponsored #tiktokmademebuyit #ootd #grwm'],
    ['long CamelCase hashtag', '#SummerCollectionLaunch2026BestDealsEverForEveryone'],
    ['long CamelCase hashtags', '#TikTokMadeMeBuyIt2026AndIDoNotRegretItAtAll #IAmSoHappyToBeHereWithYouAllToday2026'],
    ['hashtag with numbers', '#Top10Tips4U2Try2DayAndEveryDay2026WithMe #Day47of100DaysOfCodeJavaScriptReactTypeScript'],
    ['hashtag with acronyms', '#GRWM4SchoolFirstDayOfSeniorYear2026LetsGoooo #BTSxMcDonaldsMealReviewTasteTestKoreanFood2026'],
    ['lower-case long hashtag', '#thisisthebestsummercollectioneverandiloveitsomuch2026'],
    ['hex colours', 'colours #ff00aa, #FFF and #1a2b3c'],
    ['order numbers', 'Order #123456789 and Order #A1B2C3D4E5, ticket #4521'],
    ['sha-256 hex digest', '#9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'],
    ['upper-case reference', 'Ref #A1B2C3D4E5F6G7H8I9J0K1L2M3N4O5P6Q7R8S9T0'],
    ['promo code', 'Use promo code SUMMER2026 or code SAVE20NOW at checkout'],
    ['token in a URL query', `https://x.com/?token=${body('a')}`],
    ['URL fragment route', `https://site.example/#/${body('a')}`],
    ['URL fragment code', `https://site.example/page${C.a}`],
    ['OAuth fragment', `https://app.example.com/#access_token=${body('a')}&token_type=bearer`],
    ['bare OAuth fragment', `#access_token=${body('a')}`],
    ['www URL with a fragment', `www.example.com/${C.a}`],
    [
      'JWT',
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
    ],
    ['JWT after a "#"', `#eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.${body('e')}`],
    ['JWT after a label', 'Authorization code: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'],
    ['base64url (- and _)', `#${body('a').slice(0, 30)}-${body('a').slice(30)} #${body('c').slice(0, 30)}_${body('c').slice(30)}`],
    ['glued to a word', `abc${C.a} and x${C.b}`],
    ['glued to an e-mail address', `jane@example.com${C.a}`],
    ['too long (130 chars)', `#${body('b')}${body('c').slice(0, 42)}`],
    ['three "=" of padding', `${C.a}===`],
    ['padding followed by more text', `${C.a}=abc`],
    ['data URI', `<img alt="ad code" src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==">`],
    ['PGP block after a label', `Ad code:\n-----BEGIN PGP MESSAGE-----\n${body('a')}\n${body('c')}\n-----END PGP MESSAGE-----`],
    ['unclosed PGP block', `Spark code:\n-----BEGIN PGP SIGNATURE-----\n${C.a}\n`],
    ['S/MIME certificate', `-----BEGIN CERTIFICATE-----\n#${body('b')}\n-----END CERTIFICATE-----`],
    ['keyboard mash', '#AaAaAaAaAaAaAaAaAa1AaAaAaAaAaAaAaAaAaAaAaAaAa1AaAaAa'],
    ['markdown heading', '# Ad code\n# Summer collection launch'],
    ['nothing', ''],
  ];
  it.each(negatives)('%s', (_, text) => {
    expect(extractAdCodes(text)).toEqual([]);
  });

  it('still finds the code in a clear-signed PGP message', () => {
    const text = `-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nAd code: ${C.a}\n-----BEGIN PGP SIGNATURE-----\n${body('b')}\n-----END PGP SIGNATURE-----`;
    expect(codesOf(text)).toEqual([C.a]);
  });

  it('finds the real code among many look-alikes', () => {
    const text = `#fyp #SummerCollectionLaunch2026BestDealsEverForEveryone #ff00aa Order #A1B2C3D4E5\nhttps://x.com/?t=${body('b')}\nSpark code: ${C.a}`;
    expect(codesOf(text)).toEqual([C.a]);
  });
});
