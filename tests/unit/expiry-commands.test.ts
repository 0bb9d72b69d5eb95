import { beforeEach, describe, expect, it } from 'vitest';
import { openCodesDb, type CodesDb } from '@/utils/vault/db';
import { editCode, saveCaptures } from '@/utils/vault/commands';
import { choosePeriod, restoreExpiryBasis, setReceivedAt } from '@/utils/vault/expiry-commands';
import { applyTikTokFacts } from '@/utils/vault/commands';
import { applyVerification } from '@/utils/verify-apply';
import { DAY_MS } from '@/utils/expiry';
import { isEstimated } from '@/utils/expiry-derivation';
import type { CaptureInput } from '@/utils/code-record';

const NOW = Date.UTC(2026, 11, 1, 12);
const SENT = Date.UTC(2026, 7, 20, 9);
const CODE = '#aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5bC7dE9fG1hJ3kL5mN7pQ9rS1tU3v+/w=';
const source = { kind: 'gmail' as const };
const capture = (over: Partial<CaptureInput> = {}): CaptureInput => ({ code: CODE, source, sentAt: SENT, ...over });

let db: CodesDb;
beforeEach(async () => {
  db = openCodesDb(`expiry-${Math.random()}`);
  await db.open();
});

async function saveOne(over: Partial<CaptureInput> = {}) {
  const [r] = await saveCaptures(db, [capture(over)], NOW);
  return r.id!;
}

describe('captures record how the expiry was worked out', () => {
  it.each([
    ['a period stated in the message', { periodDays: 60 }, 'stated', false],
    ['no period: the default is assumed', {}, 'assumed', true],
    ['a period the user chose in the Save bar', { periodDays: 7, periodChosen: true }, 'chosen', false],
  ] as const)('%s', async (_, over, expirySource, estimated) => {
    const row = (await db.codes.get(await saveOne(over)))!;
    expect(row.expirySource).toBe(expirySource);
    expect(row.receivedAtUnknown).toBeUndefined();
    expect(isEstimated(row)).toBe(estimated);
  });

  it('no message date: saved as unknown (capture time), estimated even with a stated period', async () => {
    const row = (await db.codes.get(await saveOne({ sentAt: undefined, periodDays: 60 })))!;
    expect(row).toMatchObject({ receivedAt: NOW, receivedAtUnknown: true, expiresAt: NOW + 60 * DAY_MS, expirySource: 'stated' });
    expect(isEstimated(row)).toBe(true);
  });

  it('the same code seen later in a message with a readable date takes that date and period', async () => {
    const id = await saveOne({ sentAt: undefined });
    await saveCaptures(db, [capture({ periodDays: 60 })], NOW + 1000);
    expect(await db.codes.get(id)).toMatchObject({ receivedAt: SENT, receivedAtUnknown: false, expirySource: 'stated', expiresAt: SENT + 60 * DAY_MS });
  });

  it('a hand-edited expiry is the user’s; a period edit is chosen', async () => {
    const id = await saveOne();
    await editCode(db, id, { periodDays: 365 }, NOW);
    expect(await db.codes.get(id)).toMatchObject({ expirySource: 'chosen', expiresAt: SENT + 365 * DAY_MS });
    await editCode(db, id, { expiresAt: NOW + 3 * DAY_MS }, NOW);
    expect(await db.codes.get(id)).toMatchObject({ expirySource: 'user', expiresAt: NOW + 3 * DAY_MS });
  });

  it('TikTok’s answer makes the expiry exact', async () => {
    const id = await saveOne();
    const facts = { authStatus: 'AUTHORIZED', authStart: SENT, authEnd: SENT + 45 * DAY_MS, itemId: '1' };
    await applyTikTokFacts(db, id, CODE, (r) => applyVerification(r, { ok: true, facts }, NOW));
    const row = (await db.codes.get(id))!;
    expect(row).toMatchObject({ expirySource: 'tiktok', expiresAt: SENT + 45 * DAY_MS });
    expect(isEstimated(row)).toBe(false);
  });
});

describe('period chips and the arrival date', () => {
  it('choosePeriod sets the period, recomputes from the message date, re-arms alerts; undo puts everything back', async () => {
    const id = await saveOne();
    await db.codes.update(id, { alertsSent: [7] });
    const before = (await db.codes.get(id))!;
    const fix = (await choosePeriod(db, id, 60, NOW + 5))!;
    expect(fix.after).toMatchObject({ periodDays: 60, periodAssumed: false, expirySource: 'chosen', expiresAt: SENT + 60 * DAY_MS, alertsSent: [] });
    await restoreExpiryBasis(db, id, fix.before, NOW + 10);
    const back = (await db.codes.get(id))!;
    expect({ ...back, updatedAt: 0, alertsSent: [7] }).toEqual({ ...before, updatedAt: 0 });
    expect(back.expirySource).toBe('assumed');
  });

  it('setReceivedAt answers “when did this code arrive?”: expiry = that date + period, no longer estimated', async () => {
    const id = await saveOne({ sentAt: undefined, periodDays: 60 });
    const arrived = Date.UTC(2026, 10, 20);
    const fix = (await setReceivedAt(db, id, arrived, NOW))!;
    expect(fix.after).toMatchObject({ receivedAt: arrived, receivedAtUnknown: false, expiresAt: arrived + 60 * DAY_MS, expirySource: 'stated' });
    expect(isEstimated(fix.after)).toBe(false);
    expect(fix.before).toMatchObject({ receivedAt: NOW, receivedAtUnknown: true });
    await restoreExpiryBasis(db, id, fix.before, NOW);
    expect(await db.codes.get(id)).toMatchObject({ receivedAt: NOW, receivedAtUnknown: true, expiresAt: NOW + 60 * DAY_MS });
  });

  it('a date answer keeps an expiry the user or TikTok set', async () => {
    const id = await saveOne({ sentAt: undefined });
    await editCode(db, id, { expiresAt: NOW + 9 * DAY_MS }, NOW);
    const fix = (await setReceivedAt(db, id, SENT, NOW))!;
    expect(fix.after).toMatchObject({ receivedAt: SENT, expiresAt: NOW + 9 * DAY_MS, expirySource: 'user' });
  });

  it('a missing record is left alone', async () => {
    expect(await choosePeriod(db, 999, 7, NOW)).toBeUndefined();
  });
});
