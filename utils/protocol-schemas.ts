import { z } from 'zod';
import type { ProtocolMap } from './protocol';
import {
  archivedSchema,
  BATCH,
  captureInputSchema,
  codePatchSchema,
  epochMs,
  expiryBasisSchema,
  periodSchema,
  sentAtTextSchema,
  LIMITS,
  TOKEN_PATTERN,
  recordId as id,
  storedRecordSchema,
  tagSchema,
} from './vault/schema';
import { isSingleEmail, tiktokVideoUrl } from './links';

/**
 * zod schemas for every message payload; the background parses each one before acting. The
 * record, capture and patch shapes and every limit come from the vault's schema; each payload
 * schema is checked against the ProtocolMap (`satisfies` below), so a payload type and its
 * schema cannot drift apart.
 */

const token = z.string().regex(TOKEN_PATTERN);
const ids = (max: number) =>
  z
    .array(id)
    .min(1)
    .max(max, `more than ${max.toLocaleString('en')} codes in one request; send fewer at a time`);
const fillVia = z.enum(['pointer', 'keyboard']);

/**
 * Who may send a message: a content script in a web page, the code-picker frame our content
 * script embeds in Ads Manager (extension origin, but living inside a page the user does not
 * control), or one of our own extension pages (popup, dashboard, options). Each gets only what it needs.
 */
export type SenderKind = 'content' | 'picker' | 'extension';

const followsCaptureRules = (r: { postUrl?: string; source: { senderEmail?: string } }) =>
  (r.postUrl === undefined || !!tiktokVideoUrl(r.postUrl)) && (r.source.senderEmail === undefined || isSingleEmail(r.source.senderEmail));

type Data<K extends keyof ProtocolMap> = Parameters<ProtocolMap[K]>[0];
/** A schema whose parsed output is exactly the message's payload type. */
type Rule<K extends keyof ProtocolMap> = { data: z.ZodType<Data<K>>; from: SenderKind[] };
export type Schemas = { [K in keyof ProtocolMap]: Rule<K> };

export const messageSchemas = {
  saveCodes: {
    data: z.object({
      captures: z.array(captureInputSchema).min(1).max(BATCH.save, `more than ${BATCH.save} codes in one message; send them in parts`),
    }),
    from: ['content', 'extension'],
  },
  savedCodes: { data: z.object({ codes: z.array(z.string().max(LIMITS.rawCode)).max(BATCH.lookup) }), from: ['extension'] },
  findCodes: { data: z.object({ text: z.string().max(BATCH.findText) }), from: ['content'] },
  barKit: { data: z.object({}).strict(), from: ['content'] },
  describeExpiry: {
    data: z.object({
      periodDays: periodSchema.optional(),
      periodChosen: z.boolean().optional(),
      sentAt: epochMs.optional(),
      sentAtText: sentAtTextSchema.optional(),
    }),
    from: ['content'],
  },
  applyReady: { data: z.object({}).strict() as z.ZodType<Record<string, never>>, from: ['content'] },
  applyFromPage: {
    data: z.object({
      captures: z.array(captureInputSchema).min(1).max(BATCH.save, `more than ${BATCH.save} codes in one message; send them in parts`),
    }),
    from: ['content'],
  },
  choosePeriod: { data: z.object({ id, periodDays: periodSchema }), from: ['extension'] },
  setReceivedAt: { data: z.object({ id, receivedAt: epochMs }), from: ['extension'] },
  restoreExpiryBasis: { data: z.object({ id, basis: expiryBasisSchema }), from: ['extension'] },
  setUsage: {
    data: z.object({
      id,
      used: z.boolean(),
      advertiserId: z.string().max(LIMITS.advertiserId).optional(),
      /** Marking unused: which uses to take back (their `at` times); all of them when left out. */
      uses: z.array(z.number()).max(LIMITS.uses).optional(),
    }),
    from: ['extension'],
  },
  updateCode: { data: z.object({ id, patch: codePatchSchema }), from: ['extension'] },
  deleteCodes: { data: z.object({ ids: ids(BATCH.ids) }), from: ['extension'] },
  restoreDeleted: { data: z.object({ undoToken: token }), from: ['extension'] },
  popupView: {
    data: z.object({
      query: z.string().max(LIMITS.search),
      limits: z.object({ usable: z.number().int().min(0).max(BATCH.popupRows), expired: z.number().int().min(0).max(BATCH.popupRows) }),
    }),
    from: ['extension'],
  },
  // Sent by the background to extension pages; the background never receives it.
  vaultChanged: { data: z.object({}).strict(), from: [] },
  bulkEditCodes: {
    data: z.object({
      ids: ids(BATCH.ids),
      edit: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('addTag'), tag: z.string().trim().pipe(tagSchema) }),
        z.object({ kind: z.literal('removeTag'), tag: tagSchema }),
        z.object({ kind: z.literal('archive'), archived: archivedSchema }),
        z.object({ kind: z.literal('usage'), used: z.boolean() }),
      ]),
    }),
    from: ['extension'],
  },
  importCodes: {
    // Imports follow the capture rules (the import preview already moved anything else into the notes).
    // A big import is sent in chunks under one importId: `more` stages a chunk, the last chunk commits them all, `cancel` drops them.
    data: z
      .object({
        records: z.array(storedRecordSchema.refine(followsCaptureRules, 'capture rules')).max(BATCH.import),
        importId: token.optional(),
        more: z.boolean().optional(),
        cancel: z.boolean().optional(),
        /** On the last chunk of a chunked import: how many records all its chunks hold together. */
        total: z.number().int().min(0).max(BATCH.importTotal).optional(),
      })
      .refine((d) => d.records.length > 0 || (d.importId !== undefined && (d.cancel || !d.more)), 'records')
      .refine((d) => d.importId === undefined || d.more || d.cancel || d.total !== undefined, 'total'),
    from: ['extension'],
  },
  pickerRegister: { data: z.object({ token }), from: ['content'] },
  pickerBind: { data: z.object({ token, nonce: token }), from: ['content'] },
  pickerSession: { data: z.object({}).strict(), from: ['picker'] },
  pickerConfirmed: { data: z.object({ token, ids: ids(BATCH.picker) }), from: ['content'] },
  pickerCodeProblem: {
    data: z.object({ token, id, problem: z.enum(['code-expired', 'code-invalid', 'code-revoked']) }),
    from: ['content'],
  },
  pickerRequestRenewal: { data: z.object({ token, id }), from: ['picker'] },
  pickerList: { data: z.object({ token, includeExpired: z.boolean().optional() }), from: ['picker'] },
  pickerFill: { data: z.object({ token, ids: ids(BATCH.picker), via: fillVia }), from: ['picker'] },
  pickerUndoUsed: { data: z.object({ token, ids: ids(BATCH.picker) }), from: ['picker'] },
  pickerUi: {
    data: z.discriminatedUnion('action', [
      z.object({ token, action: z.literal('close'), refocusField: z.boolean() }),
      z.object({
        token,
        action: z.literal('resize'),
        height: z.number().int().min(0).max(2000),
        minHeight: z.number().int().min(0).max(2000).optional(),
      }),
    ]),
    from: ['picker'],
  },
  // Sent by the background to a content script; the background never receives these.
  fillCode: {
    data: z.object({
      token,
      codes: z
        .array(z.object({ id, code: z.string().max(LIMITS.code) }))
        .min(1)
        .max(BATCH.picker),
      via: fillVia,
    }),
    from: [],
  },
  pickerUiRelay: {
    data: z.discriminatedUnion('action', [
      z.object({ token, action: z.literal('close'), refocusField: z.boolean() }),
      z.object({
        token,
        action: z.literal('resize'),
        height: z.number().int().min(0).max(2000),
        minHeight: z.number().int().min(0).max(2000).optional(),
      }),
    ]),
    from: [],
  },
  verifyCodes: { data: z.object({ ids: ids(BATCH.verify) }), from: ['extension'] },
  testTikTokConnection: { data: z.object({}).strict(), from: ['extension'] },
  tiktokAddAccount: {
    data: z.object({
      advertiserId: z
        .string()
        .trim()
        .regex(/^\d{6,25}$/),
    }),
    from: ['extension'],
  },
  tiktokRemoveAccount: { data: z.object({ advertiserId: z.string().regex(/^\d{6,25}$/) }), from: ['extension'] },
  tiktokPreviewImport: { data: z.object({}).strict(), from: ['extension'] },
  tiktokSync: { data: z.object({ mode: z.enum(['import', 'sync']) }), from: ['extension'] },
  teamSheetConnect: {
    data: z
      .object({
        sheet: z.string().trim().max(500),
        me: z.string().trim().min(1).max(200),
        accessToken: z.string().trim().min(16).max(4096).optional(),
      })
      .strict(),
    from: ['extension'],
  },
  teamSheetDisconnect: { data: z.object({}).strict(), from: ['extension'] },
  teamSheetSync: { data: z.object({}).strict(), from: ['extension'] },
  teamSheetStatus: { data: z.object({}).strict(), from: ['extension'] },
  teamSheetSettle: {
    data: z.object({ code: z.string().min(1).max(200), keep: z.union([z.number().int().min(0).max(1), z.literal('both')]) }).strict(),
    from: ['extension'],
  },
  tiktokApplyCodes: {
    data: z.object({
      ids: ids(BATCH.verify),
      advertiserIds: z
        .array(z.string().regex(/^\d{6,25}$/))
        .min(1)
        .max(50),
    }),
    from: ['extension'],
  },
} satisfies Schemas as Schemas;
