import Dexie, { type EntityTable } from 'dexie';
import type { AdCodeRecord } from './code-record';

export const DB_NAME = 'ad-code-keeper';

/**
 * Every schema version ever shipped stays listed here, oldest first, so any installed
 * database upgrades step by step. Add a version; never edit an old one.
 */
export const SCHEMA_VERSIONS: { version: number; stores: Record<string, string> }[] = [
  {
    version: 1,
    stores: {
      // &code: unique normalized code, so saving twice updates instead of duplicating.
      // [archived+expiresAt]: the expiring-soon query behind the badge is one index range.
      codes: '++id, &code, expiresAt, [archived+expiresAt], creatorHandle, updatedAt',
    },
  },
  {
    version: 2,
    stores: {
      // *tags: multi-entry, so "codes of campaign X" and the list of distinct tags are index reads.
      codes: '++id, &code, expiresAt, [archived+expiresAt], creatorHandle, updatedAt, *tags',
    },
  },
  {
    version: 3,
    stores: {
      // [archived+status+expiresAt]: the badge's "used code ends within 24 h or has ended" count is one
      // index range; filtering [archived+expiresAt] read every expired record (1 s at 100 000 codes).
      codes: '++id, &code, expiresAt, [archived+expiresAt], [archived+status+expiresAt], creatorHandle, updatedAt, *tags',
    },
  },
];

export type CodesDb = Dexie & { codes: EntityTable<AdCodeRecord, 'id'> };

export function openCodesDb(name = DB_NAME): CodesDb {
  const db = new Dexie(name) as CodesDb;
  for (const { version, stores } of SCHEMA_VERSIONS) db.version(version).stores(stores);
  return db;
}

let shared: CodesDb | undefined;
/** The extension's one database, opened lazily (background and extension pages only). */
export function codesDb(): CodesDb {
  shared ??= openCodesDb();
  return shared;
}
