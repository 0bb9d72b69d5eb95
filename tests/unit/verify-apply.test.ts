import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AdCodeRecord } from '@/utils/code-record';
import { DAY_MS } from '@/utils/expiry';
import { CODE_EXPIRED_MESSAGE, type ApiError, type ApiErrorKind, type VideoFacts } from '@/utils/tiktok-api';
import { applyVerification, isLostPerTikTok, justLost } from '@/utils/verify-apply';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);

function record(over: Partial<AdCodeRecord> = {}): AdCodeRecord {
  return {
    id: 7,
    code: '#AbCdEfGh0123456789AbCdEfGh0123456789AbCdEfGh0123456789AbCdEfGh01',
    creatorHandle: '@maya.glow',
    periodDays: 30,
    periodAssumed: true,
    receivedAt: NOW - 5 * DAY_MS,
    expiresAt: NOW + 25 * DAY_MS,
    status: 'used',
    uses: [{ advertiserId: '701', at: NOW - DAY_MS }],
    archived: 0,
    notes: 'Spring campaign — hero video',
    tags: ['spring', 'skincare'],
    source: { kind: 'gmail', senderName: 'Maya', subject: 'Your code' },
    alertsSent: [7],
    createdAt: NOW - 5 * DAY_MS,
    updatedAt: NOW - 5 * DAY_MS,
    ...over,
  };
}

const facts = (over: Partial<VideoFacts> = {}): VideoFacts => ({
  authStatus: 'AUTHORIZED',
  itemStatus: 'IN_USE',
  authStart: NOW - 6 * DAY_MS,
  authEnd: NOW + 54 * DAY_MS,
  tiktokName: 'Maya Glow',
  videoText: 'Morning routine',
  posterUrl: 'https://p16.tiktokcdn.com/x.jpeg',
  ...over,
});

const USER_FIELDS = ['code', 'creatorHandle', 'status', 'uses', 'archived', 'notes', 'tags', 'source', 'receivedAt', 'createdAt', 'renewalRequestedAt'] as const;
const userData = (r: AdCodeRecord) => Object.fromEntries(USER_FIELDS.map((k) => [k, r[k]]));

describe('applyVerification with TikTok facts', () => {
  it('uses auth_end_time as the exact expiry, marks it verified and keeps everything the user entered', () => {
    const before = record();
    const after = applyVerification(before, { ok: true, facts: facts() }, NOW);
    expect(after.expiresAt).toBe(NOW + 54 * DAY_MS);
    expect(after.verified).toMatchObject({ checkedAt: NOW, authStatus: 'AUTHORIZED', authEnd: NOW + 54 * DAY_MS, tiktokName: 'Maya Glow' });
    expect(after.verified?.error).toBeUndefined();
    expect(after.periodAssumed).toBe(false);
    expect(after.periodDays).toBe(60);
    expect(userData(after)).toEqual(userData(before));
    // The end moved by a month: expiry alerts must be able to fire again for the new date.
    expect(after.alertsSent).toEqual([]);
  });

  it('does not re-arm alerts when the exact end matches the estimate', () => {
    const after = applyVerification(record(), { ok: true, facts: facts({ authEnd: NOW + 25 * DAY_MS + 1000 }) }, NOW);
    expect(after.alertsSent).toEqual([7]);
  });

  it('clears an earlier per-code error once TikTok answers', () => {
    const before = record({ verified: { checkedAt: NOW - DAY_MS, error: 'x', errorKind: 'code-invalid' } });
    expect(applyVerification(before, { ok: true, facts: facts() }, NOW).verified?.error).toBeUndefined();
  });

  it.each([
    ['ad_auth_status EXPIRED', facts({ authStatus: 'EXPIRED', authEnd: NOW + 3 * DAY_MS })],
    ['item status DELETED', facts({ itemStatus: 'DELETED' })],
  ])('flips the code to expired now when TikTok reports %s', (_label, f) => {
    const after = applyVerification(record(), { ok: true, facts: f }, NOW);
    expect(after.expiresAt).toBe(NOW);
    expect(isLostPerTikTok(after.verified)).toBe(true);
    expect(justLost(record(), after)).toBe(true);
  });

  it('keeps a past auth_end_time as is', () => {
    const after = applyVerification(record(), { ok: true, facts: facts({ authStatus: 'EXPIRED', authEnd: NOW - 2 * DAY_MS }) }, NOW);
    expect(after.expiresAt).toBe(NOW - 2 * DAY_MS);
  });
});

describe('applyVerification with errors', () => {
  const err = (kind: ApiErrorKind, message = 'm'): ApiError => ({ kind, message });

  it('4025: marks expired, stores the renewal message and keeps earlier facts', () => {
    const before = record({ verified: { checkedAt: NOW - DAY_MS, authStatus: 'AUTHORIZED', tiktokName: 'Maya Glow', authEnd: NOW + 2 * DAY_MS } });
    const after = applyVerification(before, { ok: false, error: { kind: 'code-expired', message: CODE_EXPIRED_MESSAGE, apiCode: 4025 } }, NOW);
    expect(after.expiresAt).toBe(NOW);
    expect(after.verified).toMatchObject({ authStatus: 'EXPIRED', errorKind: 'code-expired', error: CODE_EXPIRED_MESSAGE, tiktokName: 'Maya Glow', checkedAt: NOW });
    expect(userData(after)).toEqual(userData(before));
    expect(justLost(before, after)).toBe(true);
    // A second check finding the same thing is not news.
    expect(justLost(after, applyVerification(after, { ok: false, error: err('code-expired') }, NOW + 1))).toBe(false);
  });

  it('revoked: flips to expired with status REVOKED', () => {
    const after = applyVerification(record(), { ok: false, error: err('code-revoked') }, NOW);
    expect(after.verified?.authStatus).toBe('REVOKED');
    expect(after.expiresAt).toBe(NOW);
  });

  it('code not accepted: notes the error but leaves the dates alone', () => {
    const before = record();
    const after = applyVerification(before, { ok: false, error: err('code-invalid', 'TikTok did not accept this code') }, NOW);
    expect(after.expiresAt).toBe(before.expiresAt);
    expect(after.verified).toMatchObject({ errorKind: 'code-invalid', error: 'TikTok did not accept this code' });
  });

  it('account and connection errors never change a record, whatever it holds', () => {
    const kinds: ApiErrorKind[] = ['token', 'advertiser', 'rate-limited', 'offline', 'server', 'bad-response', 'other'];
    fc.assert(
      fc.property(
        fc.constantFrom(...kinds),
        fc.record({ notes: fc.string(), expiresAt: fc.integer({ min: 0, max: 4e12 }), archived: fc.constantFrom(0 as const, 1 as const) }),
        (kind, over) => {
          const before = record(over);
          const snapshot = structuredClone(before);
          const after = applyVerification(before, { ok: false, error: err(kind) }, NOW);
          expect(after).toBe(before);
          expect(before).toEqual(snapshot);
        },
      ),
    );
  });
});
