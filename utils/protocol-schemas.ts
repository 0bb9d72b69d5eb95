import { z } from 'zod';
import type { ProtocolMap } from './protocol';
import { storedRecordSchema } from './backup';
import { isSingleEmail, tiktokVideoUrl } from './links';

/** zod schemas for every message payload; the background parses each one before acting. */

const text = (max: number) => z.string().max(max);
const id = z.number().int().positive();
const token = z.string().regex(/^[A-Za-z0-9_-]{16,128}$/);
const epochMs = z.number().finite().min(0).max(8.64e15);
/** The shared link rules (utils/links.ts): only a TikTok video link is a link, only one address an address. */
const videoUrl = z.string().refine((u) => !!tiktokVideoUrl(u), 'only an https tiktok.com video link');
// A page gave something that is not one address: the code is still saved, without it (never extra recipients).
const senderEmail = text(320).transform((e) => (isSingleEmail(e.trim()) ? e.trim() : undefined));
const periodDays = z.union([z.literal(7), z.literal(30), z.literal(60), z.literal(365)]);

export const captureSourceSchema = z.object({
  kind: z.enum(['gmail', 'outlook', 'instagram', 'tiktok-dm', 'selection', 'paste', 'import']),
  senderName: text(300).optional(),
  senderEmail: senderEmail.optional(),
  subject: text(1000).optional(),
  url: z.url({ protocol: /^(https?|chrome-extension|moz-extension)$/ }).max(4096).optional(),
  messageId: text(300).optional(),
});

export const captureInputSchema = z.object({
  code: text(1000),
  periodDays: periodDays.optional(),
  creatorHandle: z.string().regex(/^@[a-z0-9._]{1,64}$/).optional(),
  postUrl: videoUrl.optional(),
  sentAt: epochMs.optional(),
  source: captureSourceSchema,
  notes: text(5000).optional(),
});

const codePatchSchema = z
  .object({
    notes: text(5000),
    tags: z.array(text(60)).max(50),
    creatorHandle: z.string().regex(/^@[a-z0-9._]{1,64}$/),
    postUrl: videoUrl,
    archived: z.union([z.literal(0), z.literal(1)]),
    renewalRequestedAt: epochMs,
    expiresAt: epochMs,
    periodDays,
  })
  .partial()
  .strict();

const codeRecordSchema = z.object({
  id: id.optional(),
  code: text(200),
  creatorHandle: z.string().optional(),
  postUrl: z.string().optional(),
  periodDays: z.number().int().positive(),
  periodAssumed: z.boolean(),
  receivedAt: epochMs,
  expiresAt: epochMs,
  expiryEdited: z.boolean().optional(),
  status: z.enum(['unused', 'used']),
  uses: z.array(z.object({ advertiserId: z.string().optional(), at: epochMs })),
  archived: z.union([z.literal(0), z.literal(1)]),
  notes: z.string(),
  tags: z.array(z.string()),
  // Undo restores exactly what was stored, so the stored source's address is taken as it was.
  source: captureSourceSchema.extend({ senderEmail: text(320).optional() }),
  renewalRequestedAt: epochMs.optional(),
  alertsSent: z.array(z.number()),
  alertSnoozedUntil: epochMs.optional(),
  verified: z.record(z.string(), z.unknown()).optional(),
  createdAt: epochMs,
  updatedAt: epochMs,
});

/**
 * Who may send a message: a content script in a web page, the code-picker frame our content
 * script embeds in Ads Manager (extension origin, but living inside a page the user does not
 * control), or one of our own extension pages (popup, dashboard, options). Each gets only what it needs.
 */
export type SenderKind = 'content' | 'picker' | 'extension';

type Schemas = { [K in keyof ProtocolMap]: { data: z.ZodType; from: SenderKind[] } };

export const messageSchemas: Schemas = {
  saveCodes: { data: z.object({ captures: z.array(captureInputSchema).min(1).max(1000) }), from: ['content', 'extension'] },
  savedCodes: { data: z.object({ codes: z.array(text(1000)).max(1000) }), from: ['extension'] },
  findCodes: { data: z.object({ text: text(200_000) }), from: ['content'] },
  setUsage: { data: z.object({ id, used: z.boolean(), advertiserId: text(64).optional() }), from: ['extension'] },
  updateCode: { data: z.object({ id, patch: codePatchSchema }), from: ['extension'] },
  deleteCodes: { data: z.object({ ids: z.array(id).min(1).max(100_000) }), from: ['extension'] },
  restoreCodes: { data: z.object({ records: z.array(codeRecordSchema).min(1).max(100_000) }), from: ['extension'] },
  bulkEditCodes: {
    data: z.object({
      ids: z.array(id).min(1).max(100_000),
      edit: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('addTag'), tag: z.string().trim().min(1).max(60) }),
        z.object({ kind: z.literal('removeTag'), tag: z.string().min(1).max(60) }),
        z.object({ kind: z.literal('archive'), archived: z.union([z.literal(0), z.literal(1)]) }),
        z.object({ kind: z.literal('usage'), used: z.boolean() }),
      ]),
    }),
    from: ['extension'],
  },
  importCodes: {
    // Imports follow the capture rules (the import preview already moved anything else into the notes).
    data: z.object({
      records: z
        .array(storedRecordSchema.refine((r) => (r.postUrl === undefined || !!tiktokVideoUrl(r.postUrl)) && (r.source.senderEmail === undefined || isSingleEmail(r.source.senderEmail)), 'capture rules'))
        .min(1)
        .max(100_000),
    }),
    from: ['extension'],
  },
  pickerRegister: { data: z.object({ token }), from: ['content'] },
  pickerBind: { data: z.object({ token, nonce: token }), from: ['content'] },
  pickerSession: { data: z.object({}).strict(), from: ['picker'] },
  pickerConfirmed: { data: z.object({ token, ids: z.array(id).min(1).max(50) }), from: ['content'] },
  pickerList: { data: z.object({ token, includeExpired: z.boolean().optional() }), from: ['picker'] },
  pickerFill: { data: z.object({ token, ids: z.array(id).min(1).max(50), via: z.enum(['pointer', 'keyboard']) }), from: ['picker'] },
  pickerUndoUsed: { data: z.object({ token, ids: z.array(id).min(1).max(50) }), from: ['picker'] },
  pickerUi: {
    data: z.discriminatedUnion('action', [
      z.object({ token, action: z.literal('close'), refocusField: z.boolean() }),
      z.object({ token, action: z.literal('resize'), height: z.number().int().min(0).max(2000) }),
    ]),
    from: ['picker'],
  },
  // Sent by the background to a content script; the background never receives these.
  fillCode: { data: z.object({ token, codes: z.array(z.object({ id, code: text(200) })).min(1).max(50), via: z.enum(['pointer', 'keyboard']) }), from: [] },
  pickerUiRelay: { data: z.object({ token }), from: [] },
  verifyCodes: { data: z.object({ ids: z.array(id).min(1).max(200) }), from: ['extension'] },
  testTikTokConnection: { data: z.object({}).strict(), from: ['extension'] },
};
