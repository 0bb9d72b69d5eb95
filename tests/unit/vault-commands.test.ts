import { beforeEach, describe, expect, it } from 'vitest';
import { openCodesDb, type CodesDb } from '@/utils/vault/db';
import { deleteCodes, editCode as updateCode, restoreDeleted, saveCaptures, setUsage } from '@/utils/vault/commands';
import { countExpiringSoon, listUsable, nextBadgeChangeAt, savedAmong } from '@/utils/vault/queries';
import { DAY_MS } from '@/utils/expiry';
import type { CaptureInput } from '@/utils/code-record';

const NOW = Date.UTC(2026, 10, 25, 12);
const CODE = '#aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5bC7dE9fG1hJ3kL5mN7pQ9rS1tU3v+/w=';
const CODE2 = '#Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBa9Zy8Xw7Vu6Ts5Rq4Po3Nm2Lk1Ji0Hg+';
const gmail = { kind: 'gmail' as const, senderName: 'Jane', senderEmail: 'jane@example.com', subject: 'Code', url: 'https://mail.google.com/mail/u/0/#inbox/FMfcg' };
const capture = (over: Partial<CaptureInput> = {}): CaptureInput => ({ code: CODE, source: gmail, sentAt: NOW - 10 * DAY_MS, ...over });

let db: CodesDb;
beforeEach(async () => {
  db = openCodesDb(`test-${Math.random()}`);
  await db.open();
});

describe('saveCaptures', () => {
  it('saves a code with expiry = sent date + stated period', async () => {
    const [r] = await saveCaptures(db, [capture({ periodDays: 60, creatorHandle: '@jane' })], NOW);
    expect(r.outcome).toBe('saved');
    const row = await db.codes.get(r.id!);
    expect(row).toMatchObject({ code: CODE, periodDays: 60, periodAssumed: false, receivedAt: NOW - 10 * DAY_MS, creatorHandle: '@jane', status: 'unused', archived: 0 });
    expect(row!.expiresAt).toBe(NOW + 50 * DAY_MS);
    expect(row!.source).toEqual(gmail);
  });

  it('assumes the default period when none is stated, and says so', async () => {
    const [r] = await saveCaptures(db, [capture()], NOW);
    const row = await db.codes.get(r.id!);
    expect(row).toMatchObject({ periodDays: 30, periodAssumed: true, expiresAt: NOW + 20 * DAY_MS });
  });

  it('uses the capture time when the message date is unknown', async () => {
    const [r] = await saveCaptures(db, [capture({ sentAt: undefined, periodDays: 7 })], NOW);
    expect((await db.codes.get(r.id!))!.expiresAt).toBe(NOW + 7 * DAY_MS);
  });

  it('saving twice updates, never duplicates, and fills in what was missing', async () => {
    await saveCaptures(db, [capture()], NOW);
    const [again] = await saveCaptures(db, [capture({ code: ` ${CODE}.`, periodDays: 60, creatorHandle: '@jane' })], NOW + 1000);
    expect(again.outcome).toBe('updated');
    const rows = await db.codes.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ periodDays: 60, periodAssumed: false, creatorHandle: '@jane' });
  });

  it('a later capture never overrides an expiry the user edited', async () => {
    const [r] = await saveCaptures(db, [capture()], NOW);
    await updateCode(db, r.id!, { expiresAt: NOW + 3 * DAY_MS }, NOW);
    await saveCaptures(db, [capture({ periodDays: 365 })], NOW);
    expect((await db.codes.get(r.id!))!.expiresAt).toBe(NOW + 3 * DAY_MS);
  });

  it('reports malformed codes and saves the valid ones in the same call', async () => {
    const res = await saveCaptures(db, [capture({ code: '#fyp' }), capture({ code: CODE2 })], NOW);
    expect(res.map((r) => r.outcome)).toEqual(['invalid', 'saved']);
    expect(res[0].reason).toMatch(/Not an ad code/);
    expect(await db.codes.count()).toBe(1);
  });

  it('two captures of the same code at once end as one record', async () => {
    await Promise.all([saveCaptures(db, [capture()], NOW), saveCaptures(db, [capture({ periodDays: 7 })], NOW)]);
    expect(await db.codes.count()).toBe(1);
  });
});

describe('editing', () => {
  it('marks used with the advertiser and back', async () => {
    const [r] = await saveCaptures(db, [capture()], NOW);
    await setUsage(db, r.id!, true, NOW, { advertiserId: '7012345' });
    expect(await db.codes.get(r.id!)).toMatchObject({ status: 'used', uses: [{ advertiserId: '7012345', at: NOW }] });
    await setUsage(db, r.id!, false, NOW);
    expect(await db.codes.get(r.id!)).toMatchObject({ status: 'unused', uses: [] });
  });

  it('changing the period recomputes expiry from the sent date and re-arms alerts', async () => {
    const [r] = await saveCaptures(db, [capture()], NOW);
    await db.codes.update(r.id!, { alertsSent: [7] });
    await updateCode(db, r.id!, { periodDays: 60 }, NOW);
    expect(await db.codes.get(r.id!)).toMatchObject({ periodDays: 60, expiresAt: NOW + 50 * DAY_MS, periodAssumed: false, alertsSent: [] });
  });

  it('delete keeps the rows for undo, and undo brings them back unchanged', async () => {
    const [a, b] = await saveCaptures(db, [capture(), capture({ code: CODE2, notes: 'summer' })], NOW);
    const before = await db.codes.toArray();
    const receipt = await deleteCodes(db, [a.id!, b.id!], NOW);
    expect(receipt.deleted).toBe(2);
    expect(await db.codes.count()).toBe(0);
    await restoreDeleted(db, receipt.undoToken, NOW + 1000);
    expect(await db.codes.toArray()).toEqual(before);
  });
});

describe('queries', () => {
  it('savedAmong normalizes before looking up', async () => {
    await saveCaptures(db, [capture()], NOW);
    expect(await savedAmong(db, [`"${CODE}"`, CODE2, 'junk'])).toEqual([CODE]);
  });

  it('countExpiringSoon and listUsable agree with the rules', async () => {
    await saveCaptures(db, [capture({ sentAt: NOW - 28 * DAY_MS }), capture({ code: CODE2, sentAt: NOW - 40 * DAY_MS })], NOW);
    expect(await countExpiringSoon(db, NOW, 3)).toBe(1);
    expect((await listUsable(db, NOW)).map((r) => r.code)).toEqual([CODE]);
    const id = (await db.codes.where('code').equals(CODE).first())!.id!;
    await updateCode(db, id, { archived: 1 }, NOW);
    expect(await countExpiringSoon(db, NOW, 3)).toBe(0);
  });

  it('nextBadgeChangeAt finds when the next code enters the window or expires', async () => {
    await saveCaptures(db, [capture({ sentAt: NOW, periodDays: 7 }), capture({ code: CODE2, sentAt: NOW - 29 * DAY_MS })], NOW);
    // CODE2 expires in 1 day (already in window); CODE enters the 3-day window in 4 days.
    expect(await nextBadgeChangeAt(db, NOW, 3)).toBe(NOW + DAY_MS);
    expect(await nextBadgeChangeAt(db, NOW + 2 * DAY_MS, 3)).toBe(NOW + 4 * DAY_MS);
    expect(await nextBadgeChangeAt(db, NOW + 8 * DAY_MS, 3)).toBeUndefined();
  });
});
