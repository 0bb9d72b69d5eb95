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
