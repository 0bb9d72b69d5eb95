import { describe, expect, it } from 'vitest';
import { pastedCodes, previewPaste } from '@/utils/paste-preview';

const A = '#aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5bC7dE9fG1hJ3kL5mN7pQ9rS1tU3v+/w=';
const B = '#Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBa9Zy8Xw7Vu6Ts5Rq4Po3Nm2Lk1Ji0Hg+';
const C = '#Pq7Rs9Tu1Vw3Xy5Za7Bc9De1Fg3Hi5Jk7Lm9No1Pq3Rs5Tu7Vw9Xy1Za3Bc5De7Fg9H/';

describe('previewPaste', () => {
  it('sorts a pasted email into new, already saved and not-a-code with reasons', () => {
    const p = previewPaste(`Hi! Ad code (60 days): ${A}\nold one: ${B}\nand #tooShort123 #fyp`, new Set([B]));
    expect(p.toSave).toEqual([{ code: A, periodDays: 60 }]);
    expect(p.alreadySaved.map((c) => c.code)).toEqual([B]);
    expect(p.rejected).toEqual([{ text: '#tooShort123', reason: expect.stringMatching(/too short/) }]);
  });

  it('takes a spreadsheet column of codes, with or without #, quoted or with trailing commas', () => {
    const column = [A, `"${B.slice(1)}",`, `  ${C.slice(1)}  `, ''].join('\n');
    expect(pastedCodes(column).map((c) => c.code)).toEqual([A, B, C]);
    expect(previewPaste(column, new Set()).rejected).toEqual([]);
  });

  it('does not treat a lone word, a hashtag or a bare blob inside prose as a code', () => {
    const text = 'Campaign\n#SummerCollectionLaunch2026BestDealsEverForEveryone\nsee attachment dGhpcyBpcyBhIGJhc2U2NCBibG9iIHRoYXQgaXMgbm90IGEgY29kZQ== thanks';
    expect(pastedCodes(text)).toEqual([]);
  });

  it('never lists the same code twice', () => {
    expect(pastedCodes(`${A}\n${A.slice(1)}\nAd code: ${A}`).map((c) => c.code)).toEqual([A]);
  });
});

describe('what a pasted row says beside its code', () => {
  const rows = { zone: 'Europe/Madrid', numericOrder: 'dmy' as const };
  // A bare day reads as the sheet import reads it (utils/import/values.ts): the end of that day, 23:59 in Madrid.
  const dayEnd = (d: string) => Date.parse(`${d}T22:59:00Z`); // winter time
  const summerDayEnd = (d: string) => Date.parse(`${d}T21:59:00Z`);

  it.each([
    [`@leo.lifts\t${A}\t30 days`, { creatorHandle: '@leo.lifts', periodDays: 30 }],
    [`@leo.lifts ${A}`, { creatorHandle: '@leo.lifts' }],
    [`Leo Park\t@Leo.Lifts\t${A}\t60\t2026-11-05`, { creatorHandle: '@leo.lifts', periodDays: 60, sentAt: dayEnd('2026-11-05') }],
    [`${A}, 1 year, 05/11/2026`, { periodDays: 365, sentAt: dayEnd('2026-11-05') }],
    [`${A} | 2 months | @maya.creates`, { creatorHandle: '@maya.creates', periodDays: 60 }],
    [`${A}\t7d\t25/11/2026`, { periodDays: 7, sentAt: dayEnd('2026-11-25') }],
  ])('%s', (line, facts) => {
    const [c] = pastedCodes(line, rows);
    expect(c).toMatchObject({ code: A, ...facts });
    for (const k of ['creatorHandle', 'periodDays', 'sentAt'] as const) if (!(k in facts)) expect(c[k]).toBeUndefined();
  });

  it('reads 11/05/2026 in the user’s order, unless a number over 12 decides it', () => {
    expect(pastedCodes(`${A}\t11/05/2026`, { ...rows, numericOrder: 'mdy' })[0].sentAt).toBe(dayEnd('2026-11-05'));
    expect(pastedCodes(`${A}\t11/05/2026`, rows)[0].sentAt).toBe(summerDayEnd('2026-05-11'));
    expect(pastedCodes(`${A}\t13/05/2026`, { ...rows, numericOrder: 'mdy' })[0].sentAt).toBe(summerDayEnd('2026-05-13'));
    expect(pastedCodes(`${A}\t31/02/2026`, rows)[0].sentAt).toBeUndefined();
  });

  it('an address is not a handle, digits inside the code are not a period, and a mail sentence keeps its own reading', () => {
    const [c] = pastedCodes(`ana@brand.com\t${A}`, rows);
    expect(c.creatorHandle).toBeUndefined();
    const sevenD = '#aB3dE5fG7dJ9kL1mN3pQ5rS7tU9vW1xY3zA5bC7dE9fG1hJ3kL5mN7pQ9rS1tU3v+/w=';
    expect(pastedCodes(sevenD, rows)[0].periodDays).toBeUndefined();
    const mail = `Hi team, thanks so much @brand.official for the collab, I really enjoyed working on this one. Code: ${A} (60 days)`;
    expect(pastedCodes(mail, rows)[0]).toMatchObject({ code: A, periodDays: 60 });
    expect(pastedCodes(mail, rows)[0].creatorHandle).toBeUndefined();
  });

  it('each row keeps its own facts in a pasted sheet', () => {
    const sheet = [`@ana\t${A}\t30 days`, `@ben\t${B}\t60 days`, `${C}`].join('\n');
    expect(pastedCodes(sheet, rows).map((c) => [c.code, c.creatorHandle, c.periodDays])).toEqual([
      [A, '@ana', 30],
      [B, '@ben', 60],
      [C, undefined, undefined],
    ]);
  });
});
