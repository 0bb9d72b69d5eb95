import { z } from 'zod';
import type { ProtocolMap } from './protocol';
import { storedRecordSchema } from './backup';

/** zod schemas for every message payload; the background parses each one before acting. */

const text = (max: number) => z.string().max(max);
const id = z.number().int().positive();
const token = z.string().regex(/^[A-Za-z0-9_-]{16,128}$/);
const epochMs = z.number().finite().min(0).max(8.64e15);
const periodDays = z.union([z.literal(7), z.literal(30), z.literal(60), z.literal(365)]);

export const captureSourceSchema = z.object({
  kind: z.enum(['gmail', 'outlook', 'instagram', 'tiktok-dm', 'selection', 'paste', 'import']),
  senderName: text(300).optional(),
  senderEmail: text(320).optional(),
  subject: text(1000).optional(),
  url: z.url({ protocol: /^(https?|chrome-extension|moz-extension)$/ }).max(4096).optional(),
  messageId: text(300).optional(),
});

export const captureInputSchema = z.object({
  code: text(1000),
  periodDays: periodDays.optional(),
  creatorHandle: z.string().regex(/^@[a-z0-9._]{1,64}$/).optional(),
  postUrl: z.url({ protocol: /^https$/ }).max(2048).optional(),
  sentAt: epochMs.optional(),
  source: captureSourceSchema,
  notes: text(5000).optional(),
});

const codePatchSchema = z
  .object({
    notes: text(5000),
    tags: z.array(text(60)).max(50),
    creatorHandle: z.string().regex(/^@[a-z0-9._]{1,64}$/),
    postUrl: z.url({ protocol: /^https$/ }).max(2048),
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
  source: captureSourceSchema,
  renewalRequestedAt: epochMs.optional(),
  alertsSent: z.array(z.number()),
  alertSnoozedUntil: epochMs.optional(),
  verified: z.record(z.string(), z.unknown()).optional(),
  createdAt: epochMs,
  updatedAt: epochMs,
});

/** Who may send a message: a content script in a web page, or one of our own extension pages. */
export type SenderKind = 'content' | 'extension';

type Schemas = { [K in keyof ProtocolMap]: { data: z.ZodType; from: SenderKind[] } };

export const messageSchemas: Schemas = {
  saveCodes: { data: z.object({ captures: z.array(captureInputSchema).min(1).max(1000) }), from: ['content', 'extension'] },
  savedCodes: { data: z.object({ codes: z.array(text(1000)).max(1000) }), from: ['content', 'extension'] },
  findCodes: { data: z.object({ text: text(200_000) }), from: ['content', 'extension'] },
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
  importCodes: { data: z.object({ records: z.array(storedRecordSchema).min(1).max(100_000) }), from: ['extension'] },
  pickerRegister: { data: z.object({ token }), from: ['content'] },
  pickerConfirmed: { data: z.object({ token, ids: z.array(id).min(1).max(50) }), from: ['content'] },
  pickerCodeProblem: { data: z.object({ token, id, problem: z.enum(['code-expired', 'code-invalid', 'code-revoked']) }), from: ['content'] },
  pickerRequestRenewal: { data: z.object({ token, id }), from: ['extension'] },
  pickerList: { data: z.object({ token, includeExpired: z.boolean().optional() }), from: ['extension'] },
  pickerFill: { data: z.object({ token, ids: z.array(id).min(1).max(50), via: z.enum(['pointer', 'keyboard']) }), from: ['extension'] },
  pickerUndoUsed: { data: z.object({ token, ids: z.array(id).min(1).max(50) }), from: ['extension'] },
  pickerUi: {
    data: z.discriminatedUnion('action', [
      z.object({ token, action: z.literal('close'), refocusField: z.boolean() }),
      z.object({ token, action: z.literal('resize'), height: z.number().int().min(0).max(2000) }),
    ]),
    from: ['extension'],
  },
  // Sent by the background to a content script; the background never receives these.
  fillCode: { data: z.object({ token, codes: z.array(z.object({ id, code: text(200) })).min(1).max(50), via: z.enum(['pointer', 'keyboard']) }), from: [] },
  pickerUiRelay: { data: z.object({ token }), from: [] },
  verifyCodes: { data: z.object({ ids: z.array(id).min(1).max(200) }), from: ['extension'] },
  testTikTokConnection: { data: z.object({}).strict(), from: ['extension'] },
};
