// 10 000 forged, malformed or misaddressed messages thrown at the background's router: none may
// crash it, change the vault or settings, or go by without a line in the rejected-message log.
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { openCodesDb, type CodesDb } from '@/utils/vault/db';
import { messageSchemas } from '@/utils/protocol-schemas';
import { rejectedLog, senderKind } from '@/entrypoints/background/router';
import { saveSettings } from '@/utils/settings';
import { makeCode, NOW, record } from './dashboard-fixtures';
import { EXTENSION_ID, EXTENSION_PAGE, GMAIL_TAB, PICKER_FRAME, startBackground, type Reply } from './protocol-fuzz.harness';

const TOKEN = 'Zq3vX9kLm2Pw8RtY4nBc';

/** One valid payload per message; the fuzzer breaks them in one place at a time. */
const VALID: Record<keyof typeof messageSchemas, unknown> = {
  saveCodes: {
    captures: [
      {
        code: makeCode(90),
        periodDays: 30,
        sentAt: NOW,
        source: { kind: 'gmail', subject: 'Spark code', url: 'https://mail.google.com/mail/u/0/#inbox/1' },
      },
    ],
  },
  savedCodes: { codes: [makeCode(1)] },
  findCodes: { text: `Hi! Here is my ad code ${makeCode(91)} valid for 60 days.` },
  barKit: {},
  describeExpiry: { periodDays: 60, sentAtText: { texts: ['Wed, Aug 20, 2025, 1:19 PM'], now: NOW } },
  applyReady: {},
  applyFromPage: { captures: [{ code: makeCode(92), periodDays: 30, sentAt: NOW, source: { kind: 'gmail' } }] },
  choosePeriod: { id: 1, periodDays: 60 },
  setReceivedAt: { id: 1, receivedAt: NOW },
  restoreExpiryBasis: { id: 1, basis: { periodDays: 30, periodAssumed: true, receivedAt: NOW, expiresAt: NOW, expirySource: 'assumed' } },
  setUsage: { id: 1, used: true, advertiserId: '7001' },
  updateCode: { id: 1, patch: { notes: 'renewed', tags: ['Q1'] } },
  deleteCodes: { ids: [1, 2] },
  restoreDeleted: { undoToken: 'undo-token-0123456789' },
  popupView: { query: 'maya', limits: { usable: 50, expired: 50 } },
  vaultChanged: {},
  bulkEditCodes: { ids: [1], edit: { kind: 'archive', archived: 1 } },
  importCodes: { records: [record({ code: makeCode(41) })] },
  pickerRegister: { token: TOKEN },
  pickerConfirmed: { token: TOKEN, ids: [1] },
  pickerBind: { token: TOKEN, nonce: TOKEN },
  pickerSession: {},
  pickerList: { token: TOKEN },
  pickerFill: { token: TOKEN, ids: [1] },
  pickerUndoUsed: { token: TOKEN, ids: [1] },
  pickerCodeProblem: { token: TOKEN, id: 1, problem: 'code-expired' },
  pickerRequestRenewal: { token: TOKEN, id: 1 },
  pickerUi: { token: TOKEN, action: 'close', refocusField: true },
  fillCode: { token: TOKEN, codes: [{ id: 1, code: makeCode(1) }] },
  pickerUiRelay: { token: TOKEN, action: 'resize', height: 200 },
  verifyCodes: { ids: [1] },
  testTikTokConnection: {},
  tiktokAddAccount: { advertiserId: '7012345678901234567' },
  tiktokRemoveAccount: { advertiserId: '7012345678901234567' },
  tiktokPreviewImport: {},
  tiktokSync: { mode: 'sync' },
  tiktokApplyCodes: { ids: [1], advertiserIds: ['7012345678901234567'] },
  teamSheetConnect: { sheet: '', me: 'ana@team.com' },
  teamSheetDisconnect: {},
  teamSheetSync: {},
  teamSheetStatus: {},
  teamSheetSettle: { code: 'A1B2C3', keep: 'both' },
};
const TYPES = Object.keys(VALID);

const tab = (id: number) => ({ id }) as Browser.tabs.Tab;
/** Who Chrome may say sent a message: ours and others' pages and scripts, odd schemes, frames. */
const SENDERS: Browser.runtime.MessageSender[] = [
  EXTENSION_PAGE,
  GMAIL_TAB,
  { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/dashboard.html`, tab: tab(3) },
  { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/code-picker.html`, tab: tab(9), frameId: 4 },
  { id: 'another-extension-id', url: 'chrome-extension://another-extension-id/popup.html' },
  { id: 'another-extension-id', url: 'https://mail.google.com/mail/u/0/', tab: tab(7) },
  { id: EXTENSION_ID, url: 'http://mail.google.com.evil.test/', tab: tab(7) },
  { id: EXTENSION_ID, url: 'file:///home/user/codes.html', tab: tab(2) },
  { id: EXTENSION_ID, url: 'data:text/html,<script>1</script>', tab: tab(2) },
  { id: EXTENSION_ID, url: 'about:blank', tab: tab(2), frameId: 12 },
  { id: EXTENSION_ID, url: 'https://ads.tiktok.com/i18n/creation/creative?aadvid=1', tab: tab(5), frameId: 0 },
  { id: EXTENSION_ID, url: 'https://evil.example/', tab: tab(6), frameId: 3 },
  { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}.evil.test/popup.html` },
  { id: EXTENSION_ID, url: 'https://mail.google.com/mail/u/0/' }, // a page but no tab
  { id: EXTENSION_ID },
  {},
];

type Json = unknown;
const paths = (v: Json, prefix: (string | number)[] = []): (string | number)[][] =>
  v && typeof v === 'object'
    ? [prefix, ...Object.entries(v).flatMap(([k, child]) => paths(child, [...prefix, Array.isArray(v) ? Number(k) : k]))]
    : [prefix];

/** Replaces, deletes or adds one thing at `path` in a deep copy of `value`. */
function mutate(value: Json, path: (string | number)[], op: 'replace' | 'delete' | 'extra', junk: unknown): Json {
  if (path.length === 0) return op === 'replace' ? junk : value;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (op === 'replace') parent[last] = junk;
  else if (op === 'delete') delete parent[last];
  else Object.defineProperty(parent, typeof last === 'number' ? `x${last}` : `${last}Extra`, { value: junk, enumerable: true });
  return copy;
}

/** Values people (and attackers) put where they should not. */
const nasty = fc.oneof(
  fc.anything({ maxDepth: 2, withNullPrototype: true, withBigInt: false }),
  fc.constantFrom(NaN, Infinity, -1, 0, 1.5, 2 ** 53, -(2 ** 31), '', ' ', '#', null, undefined, [], {}, true),
  fc.constantFrom('x'.repeat(300_000), '#'.repeat(5000), 'javascript:alert(1)', '<img src=x onerror=alert(1)>'),
  fc.constant(JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}')),
  fc.array(fc.integer(), { minLength: 60, maxLength: 120 }),
);

const envelope = (type: unknown, data: unknown, timestamp: unknown = NOW) => ({ id: 1, type, data, timestamp });

const brokenInOnePlace = fc
  .record({ type: fc.constantFrom(...TYPES), pick: fc.nat(), op: fc.constantFrom('replace', 'delete', 'extra'), junk: nasty })
  .map(({ type, pick, op, junk }) => {
    const all = paths(VALID[type as keyof typeof VALID]);
    return envelope(type, mutate(VALID[type as keyof typeof VALID], all[pick % all.length], op as 'replace', junk));
  });

const forgedMessage = fc.oneof(
  // A known message, broken in one place: the schemas' work, so the most common case.
  { arbitrary: brokenInOnePlace, weight: 5 },
  // A valid payload under the wrong name, or a name that is not a message (some are Object.prototype's).
  fc
    .record({
      type: fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'x'.repeat(5000)),
      ),
      from: fc.constantFrom(...TYPES),
    })
    .map(({ type, from }) => envelope(type, VALID[from as keyof typeof VALID])),
  // Not the protocol's envelope at all.
  nasty,
  fc.record({ type: fc.constantFrom(...TYPES), data: nasty, timestamp: fc.oneof(fc.string(), fc.constant(undefined), fc.constant(null)) }),
  // Well-formed, valid data: only the sender decides (filtered below to senders not allowed).
  fc.constantFrom(...TYPES).map((type) => envelope(type, VALID[type as keyof typeof VALID])),
);

/** Chrome delivers runtime messages JSON-serialized: no undefined, NaN → null, no functions. */
const asDelivered = (m: unknown): unknown => JSON.parse(JSON.stringify(m) ?? 'null');

const REGISTERED = new Set(TYPES.filter((t) => !['fillCode', 'pickerUiRelay', 'vaultChanged', 'verifyCodes', 'testTikTokConnection', 'tiktokAddAccount', 'tiktokRemoveAccount', 'tiktokPreviewImport', 'tiktokSync', 'tiktokApplyCodes', 'teamSheetConnect', 'teamSheetDisconnect', 'teamSheetSync', 'teamSheetStatus', 'teamSheetSettle'].includes(t)));

const OWN = [EXTENSION_PAGE, GMAIL_TAB, PICKER_FRAME];
/** One of our own senders, preferring those the message's rule allows (any of them for a non-message). */
function ownSenderFor(message: unknown, pick: number): Browser.runtime.MessageSender {
  const type = (message as { type?: unknown } | null)?.type;
  const rule =
    typeof type === 'string' && Object.hasOwn(messageSchemas, type) ? messageSchemas[type as keyof typeof messageSchemas] : undefined;
  const allowed = OWN.filter((s) => rule?.from.includes(senderKind(s, `chrome-extension://${EXTENSION_ID}/`, EXTENSION_ID)!));
  const from = allowed.length && pick % 4 ? allowed : OWN;
  return from[pick % from.length];
}

/** Would the router let this through? Those cases are not forgeries, so the fuzzer skips them. */
function accepted(message: unknown, sender: Browser.runtime.MessageSender): boolean {
  const m = message as { type?: unknown; data?: unknown; timestamp?: unknown } | null;
  if (!m || typeof m !== 'object' || typeof m.type !== 'string' || typeof m.timestamp !== 'number' || !REGISTERED.has(m.type)) return false;
  const rule = messageSchemas[m.type as keyof typeof messageSchemas];
  const kind = senderKind(sender, `chrome-extension://${EXTENSION_ID}/`, EXTENSION_ID);
  return !!kind && rule.from.includes(kind) && rule.data.safeParse(m.data).success;
}

let db: CodesDb;
const snapshot = async () => ({
  codes: await db.codes.orderBy('id').toArray(),
  local: await fakeBrowser.storage.local.get(null),
  session: await fakeBrowser.storage.session.get(null),
});

beforeAll(async () => {
  fakeBrowser.reset();
  await saveSettings({ language: 'en', alertWindowDays: 5 });
  db = openCodesDb(`fuzz-${Math.random()}`);
  await db.codes.bulkAdd(
    Array.from({ length: 12 }, (_, i) =>
      record({ code: makeCode(i + 1), notes: i % 3 ? '' : `Summer launch ${i}`, tags: i % 2 ? ['Q4'] : [], archived: i === 11 ? 1 : 0 }),
    ),
  );
});

describe('message protocol under fuzzing', () => {
  it('10 000 forged messages: no crash, no change, each one logged as rejected', async () => {
    const bg = startBackground(db);
    const before = await snapshot();
    let sent = 0;
    const reasons = { sender: 0, data: 0, stray: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc
          // Mostly one of our own senders allowed for the message (page, picker frame, content script), so
          // forged data meets the schemas, not just the sender gate.
          .tuple(
            forgedMessage,
            fc.oneof({ arbitrary: fc.nat().map((n) => ({ own: n })), weight: 3 }, { arbitrary: fc.constantFrom(...SENDERS), weight: 1 }),
          )
          .map(([m, s]) => [asDelivered(m), 'own' in s ? ownSenderFor(m, s.own) : s] as const)
          .filter(([m, s]) => !accepted(m, s)),
        async ([message, sender]) => {
          const lastLogged = rejectedLog[rejectedLog.length - 1];
          const reply: Reply = await bg.send(message, sender);
          sent++;
          // A message the background answers is refused loudly (an error the sender can show). Others are
          // not answered, except names of Object.prototype methods: @webext-core/messaging looks listeners
          // up in a plain object, so "valueOf" gets a TypeError and "constructor" an echo of the message.
          const { type, timestamp } = (message ?? {}) as { type?: unknown; timestamp?: unknown };
          if (REGISTERED.has(type as string) && typeof timestamp === 'number')
            expect(reply?.err?.message).toMatch(/^Message refused: (sender not allowed|invalid data)\.$/);
          else if (reply !== undefined) expect(Object.prototype).toHaveProperty(String(type));
          const entry = rejectedLog[rejectedLog.length - 1];
          expect(entry).not.toBe(lastLogged);
          const why = entry.reason.startsWith('sender') ? 'sender' : /^not a protocol|^no such/.test(entry.reason) ? 'stray' : 'data';
          reasons[why]++;
          expect(entry.type.length).toBeLessThanOrEqual(81);
        },
      ),
      { numRuns: 10_000, seed: 20261125 },
    );
    expect(sent).toBe(10_000);
    console.info('fuzz: refused by', reasons);
    // Every gate got a real workout, not just the cheapest one.
    expect(Math.min(reasons.sender, reasons.data, reasons.stray)).toBeGreaterThan(1000);
    expect(bg.changed).not.toHaveBeenCalled();
    expect(await snapshot()).toEqual(before);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(rejectedLog.length).toBeLessThanOrEqual(100);

    // Still serving real requests afterwards.
    const saved = await bg.request('saveCodes', VALID.saveCodes, GMAIL_TAB);
    expect(saved?.res).toEqual([expect.objectContaining({ outcome: 'saved', code: makeCode(90) })]);
    bg.stop();
  }, 120_000);

  it('logs why: sender, data, or not a message at all', async () => {
    const bg = startBackground(db);
    const before = await db.codes.get(1);
    expect(before).toBeDefined();
    await bg.request('deleteCodes', { ids: [1] }, GMAIL_TAB);
    expect(rejectedLog.at(-1)).toMatchObject({ type: 'deleteCodes', reason: 'sender not allowed (content)' });
    await bg.request('updateCode', { id: 1, patch: { code: '#other' } });
    expect(rejectedLog.at(-1)).toMatchObject({ type: 'updateCode', reason: expect.stringMatching(/patch/) });
    await bg.send('hello', EXTENSION_PAGE);
    expect(rejectedLog.at(-1)).toMatchObject({ type: '(string)', reason: 'not a protocol message' });
    await bg.request('fillCode', VALID.fillCode);
    expect(rejectedLog.at(-1)).toMatchObject({ type: 'fillCode', reason: 'no such message here' });
    // Refused means untouched: neither deleted nor edited.
    expect(await db.codes.get(1)).toEqual(before);
    bg.stop();
  });
});
