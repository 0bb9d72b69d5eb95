import Dexie, { type EntityTable, type Transaction } from 'dexie';
import { fitRecord } from './fit';
import { expirySourceOf } from '../expiry-derivation';
import type { AdCodeRecord } from './schema';
import type { FieldAt, SharedCode, SharedField } from '../team-sheet/shared';
import type { NotesAsking } from '../team-sheet/asking';

export const DB_NAME = 'ad-code-keeper';

/**
 * Every schema version ever shipped stays listed here, oldest first, so any installed
 * database upgrades step by step. Add a version; never edit an old one.
 */
export const SCHEMA_VERSIONS: { version: number; stores: Record<string, string>; upgrade?: (tx: Transaction) => Promise<unknown> }[] = [
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
  {
    version: 4,
    stores: {
      codes: '++id, &code, expiresAt, [archived+expiresAt], [archived+status+expiresAt], creatorHandle, updatedAt, *tags',
      // Deleted records, kept whole until the undo window closes: undo restores exactly these,
      // never a copy that travelled through a page. One entry per delete, found by its undo token.
      trash: '&token, deletedAt',
    },
    // Records stored before the limits existed (a right-click capture kept any page title) are
    // brought within them, so every stored record parses and can be edited, undone and backed up.
    upgrade: (tx) => tx.table<AdCodeRecord>('codes').toCollection().modify((r, ref) => {
      ref.value = fitRecord(r);
    }),
  },
  {
    version: 5,
    stores: {
      codes: '++id, &code, expiresAt, [archived+expiresAt], [archived+status+expiresAt], creatorHandle, updatedAt, *tags',
      trash: '&token, deletedAt',
    },
    // Every record says how its expiry was worked out (popup, drawer, picker show it): derived from the
    // flags older versions kept. Whether an old record's date was only the capture time was never stored,
    // so it is not guessed: receivedAtUnknown stays unset.
    upgrade: (tx) => tx.table<AdCodeRecord>('codes').toCollection().modify((r) => {
      r.expirySource ??= expirySourceOf(r);
    }),
  },
  {
    version: 6,
    stores: {
      // liveAdsUntil: only codes that live Spark ads run on carry it, so the dashboard's "ads at risk"
      // and the badge read that handful through the index, never the whole vault. No record has it yet.
      codes: '++id, &code, expiresAt, [archived+expiresAt], [archived+status+expiresAt], creatorHandle, updatedAt, *tags, liveAdsUntil',
      trash: '&token, deletedAt',
      // The team sheet (optional): local changes waiting to be pushed, one entry per code (seq keeps their order);
      // the last state each code had in the sheet (the merge's base, with its row number); the sync's own state.
      teamOutbox: '&code, seq',
      teamReplica: '&code, row',
      teamState: '&key',
    },
  },
];

/** One delete, kept for undo. */
export interface TrashEntry {
  token: string;
  deletedAt: number;
  records: AdCodeRecord[];
}

/** A local change waiting for the team sheet: which shared fields changed, and when (their field time). */
export interface TeamOutboxEntry {
  code: string;
  seq: number;
  at: number;
  fields: SharedField[];
}

/** A code as the team sheet last had it: the base of the next merge, and where its row is. */
export interface TeamReplicaEntry {
  code: string;
  row?: number;
  values: SharedCode;
  fieldAt: FieldAt;
  /** The row's updated_at cell as last read or written: a different one means a teammate changed the row. */
  updatedAt: number;
  by: string;
  /** Fields whose two values were both kept (notes "A ⟂ B"): the user is asked to choose. */
  conflicts?: SharedField[];
  /** The kept-both notes taken apart, with who wrote each part and when (what Options shows to choose). */
  asking?: NotesAsking;
}

export interface TeamStateEntry {
  key: string;
  value: unknown;
}

export type CodesDb = Dexie & {
  codes: EntityTable<AdCodeRecord, 'id'>;
  trash: EntityTable<TrashEntry, 'token'>;
  teamOutbox: EntityTable<TeamOutboxEntry, 'code'>;
  teamReplica: EntityTable<TeamReplicaEntry, 'code'>;
  teamState: EntityTable<TeamStateEntry, 'key'>;
};

export function openCodesDb(name = DB_NAME): CodesDb {
  const db = new Dexie(name) as CodesDb;
  for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
    const v = db.version(version).stores(stores);
    if (upgrade) v.upgrade(upgrade);
  }
  return db;
}

let shared: CodesDb | undefined;
/** The extension's one database, opened lazily (background and extension pages only). */
export function codesDb(): CodesDb {
  shared ??= openCodesDb();
  return shared;
}
