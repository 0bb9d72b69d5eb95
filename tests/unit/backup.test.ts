import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, makeBackup, parseBackup } from '@/utils/backup';
import { makeCode, NOW, record } from './dashboard-fixtures';

describe('JSON backup', () => {
  it('round-trips every stored field (lossless)', () => {
    const full = record({
      id: 9,
      code: makeCode(3),
      expiryEdited: true,
      renewalRequestedAt: NOW - 5,
      alertsSent: [7, 3],
      alertSnoozedUntil: NOW + 10,
      notes: 'multi\nline “quotes”',
      verified: { checkedAt: NOW, authStatus: 'AUTHORIZED', authEnd: NOW + 99 },
      postUrl: 'https://www.tiktok.com/@jose.cocina/video/1',
    });
    const text = makeBackup([full], 2, NOW);
    const json = JSON.parse(text);
    expect(json).toMatchObject({ format: BACKUP_FORMAT, backupVersion: 1, dbSchemaVersion: 2, count: 1 });
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.error);
    const { id, ...withoutId } = full;
    expect(id).toBe(9);
    expect(parsed.entries[0].record).toEqual(withoutId);
  });

  it('refuses broken JSON, foreign JSON and backups from a newer version, saying why', () => {
    expect(parseBackup('{"format": "ad-code')).toEqual({ ok: false, error: expect.stringContaining('not valid JSON') });
    expect(parseBackup('[1,2]')).toEqual({ ok: false, error: expect.stringContaining('not an Ad Code Keeper backup') });
    expect(parseBackup(JSON.stringify({ format: BACKUP_FORMAT, backupVersion: 99, codes: [] }))).toEqual({
      ok: false,
      error: expect.stringContaining('newer version'),
    });
  });

  it('rejects a bad record by itself, naming the field', () => {
    const text = JSON.stringify({ format: BACKUP_FORMAT, backupVersion: 1, codes: [record(), { ...record(), expiresAt: 'soon' }] });
    const parsed = parseBackup(text);
    expect(parsed.ok && parsed.entries.map((e) => e.problem)).toEqual([undefined, expect.stringContaining('expiresAt')]);
  });
});
