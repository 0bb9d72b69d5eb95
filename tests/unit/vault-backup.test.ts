// Issue 12.2: a JSON backup is lossless. Vaults generated from the schema's own limits (every
// optional field present, absent, or at its limit) go out through makeBackup and back in the
// way the dashboard imports (preview, then the importCodes message) into an empty vault.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeBackup } from '@/utils/backup';
import { previewImportFile } from '@/utils/import-preview';
import { openCodesDb, SCHEMA_VERSIONS } from '@/utils/vault/db';
import { readAllCodes } from '@/utils/vault/queries';
import { LIMITS } from '@/utils/vault/limits';
import { adCodeRecordSchema, type AdCodeRecord, type StoredRecord } from '@/utils/vault/schema';
import { makeCode, NOW } from './dashboard-fixtures';
import { startBackground } from './protocol-fuzz.harness';

const LATEST = SCHEMA_VERSIONS.at(-1)!.version;
const epoch = fc.integer({ min: 0, max: 4_102_444_800_000 });

/** Text up to `max`: short and varied (quotes, line breaks, emoji), or exactly at the limit. */
const text = (max: number) =>
  fc.oneof(
    { arbitrary: fc.string({ maxLength: Math.min(max, 24), unit: 'grapheme' }).filter((s) => s.length <= max), weight: 3 },
    { arbitrary: fc.constantFrom('', 'line\r\nbreak "quoted", ;semi', '🎬 „Sommer“ 春'), weight: 2 },
    { arbitrary: fc.constant(`${'é'.repeat(max - 2)}\n🎬`.slice(0, max)), weight: 1 },
  );
const httpsUrl = (max: number, host = 'www.tiktok.com') =>
  fc.oneof(
    fc.nat({ max: 1e9 }).map((n) => `https://${host}/@a.b/video/${n}`),
    fc.constant(`https://${host}/@a/video/1?x=`).map((p) => p + 'a'.repeat(max - p.length)),
  );
const handle = fc.oneof(fc.stringMatching(/^@[a-z0-9._]{1,12}$/), fc.constant(`@${'a'.repeat(LIMITS.handle)}`));
const tags = fc.oneof(fc.uniqueArray(text(LIMITS.tag).filter((t) => t.length > 0), { maxLength: 4 }), fc.constant(Array.from({ length: LIMITS.tags }, (_, i) => `${i}`.padEnd(LIMITS.tag, 't'))));
const uses = fc.oneof(
  { arbitrary: fc.array(fc.record({ advertiserId: fc.stringMatching(/^\d{1,19}$/), at: epoch }, { requiredKeys: ['at'] }), { maxLength: 3 }), weight: 6 },
  { arbitrary: fc.constant(Array.from({ length: LIMITS.uses }, (_, i) => ({ at: NOW + i, advertiserId: 'a'.repeat(LIMITS.advertiserId) }))), weight: 1 },
);
const verified = fc.record(
  {
    checkedAt: epoch,
    authStatus: text(LIMITS.verifiedShortText),
    itemStatus: text(LIMITS.verifiedShortText),
    authStart: epoch,
    authEnd: epoch,
    tiktokName: text(LIMITS.tiktokName),
    videoText: text(LIMITS.videoText),
    posterUrl: text(LIMITS.posterUrl),
    itemId: text(LIMITS.verifiedShortText),
    error: text(LIMITS.verifiedError),
    errorKind: fc.constantFrom('code-expired', 'code-revoked', 'code-invalid'),
  },
  { requiredKeys: ['checkedAt'] },
);
const source = fc.record(
  {
    kind: fc.constantFrom('gmail', 'outlook', 'instagram', 'tiktok-dm', 'selection', 'paste', 'import' as const),
    senderName: text(LIMITS.senderName),
    senderEmail: fc.oneof(fc.emailAddress().filter((e) => e.length <= LIMITS.senderEmail), fc.constant(`${'a'.repeat(64)}@example.com`)),
    subject: text(LIMITS.subject),
    url: httpsUrl(LIMITS.sourceUrl, 'mail.google.com'),
    messageId: text(LIMITS.messageId),
  },
  { requiredKeys: ['kind'] },
);
const storedRecord = (code: string): fc.Arbitrary<StoredRecord> =>
  fc.record(
    {
      code: fc.constant(code),
      creatorHandle: handle,
      postUrl: fc.nat({ max: 1e9 }).map((n) => `https://www.tiktok.com/@a.b/video/${7300000000000000000n + BigInt(n)}`),
      periodDays: fc.integer({ min: 1, max: LIMITS.periodDaysMax }),
      periodAssumed: fc.boolean(),
      receivedAt: epoch,
      expiresAt: epoch,
      expiryEdited: fc.boolean(),
      expirySource: fc.constantFrom('stated', 'assumed', 'tiktok', 'user', 'chosen' as const),
      receivedAtUnknown: fc.boolean(),
      status: fc.constantFrom('unused', 'used' as const),
      uses,
      archived: fc.constantFrom(0, 1 as const),
      notes: text(LIMITS.notes),
      tags,
      source,
      renewalRequestedAt: epoch,
      alertsSent: fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 6 }),
      alertSnoozedUntil: epoch,
      verified,
      createdAt: epoch,
      updatedAt: epoch,
    },
    // Records this version writes always say how their expiry was worked out.
    { requiredKeys: ['code', 'periodDays', 'periodAssumed', 'receivedAt', 'expiresAt', 'expirySource', 'status', 'uses', 'archived', 'notes', 'tags', 'source', 'alertsSent', 'createdAt', 'updatedAt'] },
  );
const vault = fc
  .uniqueArray(fc.integer({ min: 1, max: 1e6 }), { minLength: 1, maxLength: 6 })
  .chain((seeds) => fc.tuple(...seeds.map((s) => storedRecord(makeCode(s)))));

/** One record with every optional field present and every text, list and link at its limit. */
function atLimits(code: string): StoredRecord {
  const fill = (max: number) => `${'é'.repeat(max - 3)}\r\n🎬`.slice(0, max);
  const url = (max: number, host: string) => `https://${host}/@a/video/1?x=`.padEnd(max, 'a');
  return {
    code,
    creatorHandle: `@${'a'.repeat(LIMITS.handle)}`,
    // Imports follow the capture rules (only a TikTok video link is a link; one sender address).
    postUrl: 'https://www.tiktok.com/@a.b/video/7300000000000000001',
    periodDays: LIMITS.periodDaysMax,
    periodAssumed: true,
    receivedAt: NOW,
    expiresAt: NOW + 1,
    expiryEdited: true,
    expirySource: 'user',
    receivedAtUnknown: true,
    status: 'used',
    uses: Array.from({ length: LIMITS.uses }, (_, i) => ({ at: NOW + i, advertiserId: 'a'.repeat(LIMITS.advertiserId) })),
    archived: 1,
    notes: fill(LIMITS.notes),
    tags: Array.from({ length: LIMITS.tags }, (_, i) => `${i}`.padEnd(LIMITS.tag, 't')),
    source: {
      kind: 'selection',
      senderName: fill(LIMITS.senderName),
      senderEmail: `${'a'.repeat(64)}@example.com`,
      subject: fill(LIMITS.subject),
      url: url(LIMITS.sourceUrl, 'example.com'),
      messageId: fill(LIMITS.messageId),
    },
    renewalRequestedAt: NOW,
    alertsSent: Array.from({ length: 61 }, (_, i) => i),
    alertSnoozedUntil: NOW,
    verified: {
      checkedAt: NOW,
      authStatus: fill(LIMITS.verifiedShortText),
      itemStatus: fill(LIMITS.verifiedShortText),
      authStart: 0,
      authEnd: NOW,
      tiktokName: fill(LIMITS.tiktokName),
      videoText: fill(LIMITS.videoText),
      posterUrl: fill(LIMITS.posterUrl),
      itemId: fill(LIMITS.verifiedShortText),
      error: fill(LIMITS.verifiedError),
      errorKind: 'code-expired',
    },
    createdAt: NOW,
    updatedAt: NOW,
  };
}

const withoutId = ({ id: _id, ...r }: AdCodeRecord) => r;
const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);

describe('JSON backup, export → import into an empty vault', () => {
  it('the generator makes records the schema accepts (so the property below is about real vaults)', () => {
    expect(adCodeRecordSchema.safeParse(atLimits(makeCode(7))).error).toBeUndefined();
    fc.assert(fc.property(vault, (records) => records.every((r) => adCodeRecordSchema.safeParse(r).success)), { numRuns: 30 });
  });

  it('gives identical records, field for field, including verified.itemId/errorKind and fields at their limits', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(vault, async (records) => {
        const source = openCodesDb(`backup-src-${run}-${Math.random()}`);
        await source.codes.bulkAdd(records.map((r) => structuredClone(r)));
        const originals = await readAllCodes(source);
        const file = makeBackup(originals, LATEST, NOW);

        const target = openCodesDb(`backup-dst-${run++}-${Math.random()}`);
        const preview = previewImportFile('backup.json', file, new Map(), { zone: 'UTC', now: NOW, fmtDate: String });
        if (!preview.ok) throw new Error(preview.error);
        expect(preview.rows.filter((r) => r.outcome !== 'add')).toEqual([]);
        const bg = startBackground(target);
        const reply = await bg.request('importCodes', { records: preview.rows.map((r) => r.record) });
        bg.stop();
        expect(reply?.err).toBeUndefined();

        const restored = await readAllCodes(target);
        expect(restored.map(withoutId).sort(byCode)).toEqual(originals.map(withoutId).sort(byCode));
        source.close();
        target.close();
      }),
      { numRuns: 20, examples: [[[atLimits(makeCode(7)), atLimits(makeCode(8))]]] },
    );
  }, 120_000);

  it('restores a backup made before the expiry source existed, deriving it as the v5 upgrade does', async () => {
    const old = (code: string, facts: Partial<StoredRecord>): StoredRecord => {
      const r = { ...atLimits(code), expiryEdited: undefined, verified: undefined, periodAssumed: false, ...facts };
      delete r.expirySource;
      delete r.receivedAtUnknown;
      return r;
    };
    const records = [
      old(makeCode(1), { periodAssumed: true }),
      old(makeCode(2), { expiryEdited: true }),
      old(makeCode(3), { verified: { checkedAt: NOW, authEnd: NOW + 1 } }),
      old(makeCode(4), {}),
    ];
    const file = makeBackup(records as AdCodeRecord[], 4, NOW);
    const target = openCodesDb(`backup-old-${Math.random()}`);
    const preview = previewImportFile('backup.json', file, new Map(), { zone: 'UTC', now: NOW, fmtDate: String });
    if (!preview.ok) throw new Error(preview.error);
    const bg = startBackground(target);
    const reply = await bg.request('importCodes', { records: preview.rows.map((r) => r.record) });
    bg.stop();
    expect(reply?.err).toBeUndefined();
    const restored = await readAllCodes(target);
    const sourceOf = (code: string) => restored.find((r) => r.code === code)?.expirySource;
    expect([1, 2, 3, 4].map((i) => sourceOf(makeCode(i)))).toEqual(['assumed', 'user', 'tiktok', 'stated']);
    expect(restored.every((r) => r.receivedAtUnknown === undefined)).toBe(true);
    target.close();
  });
});
