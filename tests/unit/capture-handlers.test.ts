import { beforeEach, describe, expect, it } from 'vitest';
import { captureHandlers } from '@/entrypoints/background/capture-handlers';
import type { Handler } from '@/entrypoints/background/router';
import { saveCaptures } from '@/utils/vault/commands';
import { openCodesDb, type CodesDb } from '@/utils/vault/db';

const SAVED = '#PtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA/2O76UMFxFkM/R5Kjp1vRt+1f';
const NEW = '#jORS/6ilI8ihN5KXSc7Tvo/hBKqFYY/kv5ZJr3J1TWDtkwtDDb+xHKas1VOqg6YY';

let db: CodesDb;
let findCodes: Handler<'findCodes'>;
beforeEach(async () => {
  db = openCodesDb(`capture-${Math.random()}`);
  await db.open();
  findCodes = captureHandlers(db).findCodes!;
  await saveCaptures(db, [{ code: SAVED, source: { kind: 'gmail' } }], Date.now());
});

describe('findCodes (background side of mail-page capture)', () => {
  it('returns each code with what the text says about it (the words beside it too), and whether it is saved', async () => {
    const text = `Video 1, 60 days:\n${SAVED}\n\nVideo 2 (https://www.tiktok.com/@dani.moves/video/7440011122233344455), 7 days:\n${NEW}`;
    expect(await findCodes({ text }, {} as never)).toEqual([
      { code: SAVED, periodDays: 60, creatorHandle: '@dani.moves', context: 'Video 1', saved: true },
      { code: NEW, periodDays: 7, creatorHandle: '@dani.moves', context: 'Video 2', postUrl: 'https://www.tiktok.com/@dani.moves/video/7440011122233344455', saved: false },
    ]);
  });

  it('answers an empty list for text without codes, without touching the database', async () => {
    db.close();
    expect(await findCodes({ text: 'Thanks! #fyp #gymtok' }, {} as never)).toEqual([]);
  });
});
