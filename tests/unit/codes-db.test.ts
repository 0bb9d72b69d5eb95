import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { openCodesDb, SCHEMA_VERSIONS } from '@/utils/vault/db';
import { makeCode, record } from './dashboard-fixtures';

describe('codes database schema', () => {
  it('lists versions oldest first and never changes version 1', () => {
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual([...SCHEMA_VERSIONS.map((v) => v.version)].sort((a, b) => a - b));
    expect(SCHEMA_VERSIONS[0].stores.codes).toBe('++id, &code, expiresAt, [archived+expiresAt], creatorHandle, updatedAt');
  });

  it('upgrades a version-1 database to v2 without losing records, and the tag index works', async () => {
    const name = `migration-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_VERSIONS[0].stores);
    await v1.table('codes').bulkAdd([record({ code: makeCode(1), tags: ['Q4', 'Launch'] }), record({ code: makeCode(2), tags: [] })]);
    v1.close();

    const db = openCodesDb(name);
    expect(await db.codes.count()).toBe(2);
    expect((await db.codes.where('tags').equals('Launch').toArray()).map((r) => r.code)).toEqual([makeCode(1)]);
    expect(await db.codes.orderBy('tags').uniqueKeys()).toEqual(['Launch', 'Q4']);
    expect(db.verno).toBe(SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1].version);
    db.close();
  });
});
