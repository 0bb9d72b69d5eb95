import type { AdCodeRecord, CaptureKind, CodeUse } from '../code-record';
import { computeExpiry } from '../expiry';
import { LIMITS } from '../vault/limits';

/**
 * What teammates share about one code: the fields the team sheet carries. Everything else on a record
 * (alerts sent, TikTok facts, history) stays in the browser that produced it.
 */
export interface SharedCode {
  code: string;
  creatorHandle?: string;
  postUrl?: string;
  periodDays: number;
  receivedAt: number;
  expiresAt: number;
  archived: 0 | 1;
  notes: string;
  tags: string[];
  uses: CodeUse[];
  senderName?: string;
  senderEmail?: string;
  subject?: string;
  sourceUrl?: string;
  sourceKind: CaptureKind;
  /** A tombstone: the code was deleted (it loses against a later edit, which brings it back). */
  deleted: boolean;
}

export type SharedField = Exclude<keyof SharedCode, 'code'>;
export const SHARED_FIELDS: readonly SharedField[] = [
  'creatorHandle',
  'postUrl',
  'periodDays',
  'receivedAt',
  'expiresAt',
  'archived',
  'notes',
  'tags',
  'uses',
  'senderName',
  'senderEmail',
  'subject',
  'sourceUrl',
  'sourceKind',
  'deleted',
];

/** When each field was last changed (epoch ms), per field: the merge compares fields, never whole records. */
export type FieldAt = Partial<Record<SharedField, number>>;

export function sharedOf(r: AdCodeRecord): SharedCode {
  return {
    code: r.code,
    creatorHandle: r.creatorHandle,
    postUrl: r.postUrl,
    periodDays: r.periodDays,
    receivedAt: r.receivedAt,
    expiresAt: r.expiresAt,
    archived: r.archived,
    notes: r.notes,
    uses: sortUses(r.uses.map((u) => (u.advertiserId === undefined ? { at: u.at } : { advertiserId: u.advertiserId, at: u.at }))),
    // Tags as a set, in one order (the merge's): a replica's order never reads as a change.
    tags: [...r.tags].sort(),
    senderName: r.source.senderName,
    senderEmail: r.source.senderEmail,
    subject: r.source.subject,
    sourceUrl: r.source.url,
    sourceKind: r.source.kind,
    deleted: false,
  };
}

export const useKey = (u: CodeUse) => `${u.at}|${u.advertiserId ?? ''}`;
/** Uses in one order everywhere (time, then account), so two replicas with the same uses compare equal. */
export const sortUses = (uses: CodeUse[]) =>
  [...uses].sort((x, y) => x.at - y.at || ((x.advertiserId ?? '') < (y.advertiserId ?? '') ? -1 : (x.advertiserId ?? '') > (y.advertiserId ?? '') ? 1 : 0));

export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
    const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b || ((a === undefined || a === '') && (b === undefined || b === ''));
}

/** The fields on which two states of a code differ. */
export function changedFields(before: SharedCode | undefined, after: SharedCode): SharedField[] {
  if (!before) return SHARED_FIELDS.filter((f) => f !== 'deleted' || after.deleted);
  return SHARED_FIELDS.filter((f) => !sameValue(before[f], after[f]));
}

/**
 * The saved record after the team's version of the shared fields is applied (or a new record when
 * there is none). Local-only fields are kept; the status follows from the uses, as everywhere.
 */
export function recordFromShared(existing: AdCodeRecord | undefined, s: SharedCode, now: number): AdCodeRecord {
  const base: AdCodeRecord = existing
    ? structuredClone(existing)
    : {
        code: s.code,
        periodDays: s.periodDays,
        periodAssumed: false,
        receivedAt: s.receivedAt,
        expiresAt: s.expiresAt,
        status: 'unused',
        uses: [],
        archived: 0,
        notes: '',
        tags: [],
        source: { kind: s.sourceKind },
        alertsSent: [],
        createdAt: now,
        updatedAt: now,
      };
  const expiryMoved = base.expiresAt !== s.expiresAt;
  base.creatorHandle = s.creatorHandle;
  base.postUrl = s.postUrl;
  base.periodDays = s.periodDays;
  base.receivedAt = s.receivedAt;
  base.expiresAt = s.expiresAt;
  base.archived = s.archived;
  base.notes = s.notes.slice(0, LIMITS.notes);
  base.tags = s.tags.slice(0, LIMITS.tags);
  base.uses = [...s.uses].sort((a, b) => a.at - b.at).slice(-LIMITS.uses);
  base.status = base.uses.length ? 'used' : 'unused';
  base.source = { ...base.source, kind: s.sourceKind, senderName: s.senderName, senderEmail: s.senderEmail, subject: s.subject, url: s.sourceUrl };
  for (const k of ['senderName', 'senderEmail', 'subject', 'url'] as const) if (base.source[k] === undefined) delete base.source[k];
  if (!existing || expiryMoved) {
    const stated = computeExpiry(s.receivedAt, s.periodDays) === s.expiresAt;
    base.expiryEdited = stated ? undefined : true;
    base.expirySource = stated ? (existing?.expirySource === 'assumed' ? 'assumed' : 'stated') : 'user';
    if (expiryMoved) base.alertsSent = [];
  }
  base.updatedAt = now;
  return base;
}
