// Every message × every sender kind, through the real router: each kind gets only the messages it
// needs. The table is keyed by the ProtocolMap, so a new message without a row fails to compile and
// fails the "one row per message" check below.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import type { ProtocolMap } from '@/utils/protocol';
import { openCodesDb, type CodesDb } from '@/utils/vault/db';
import { messageSchemas } from '@/utils/protocol-schemas';
import { saveSettings } from '@/utils/settings';
import { registerHandlers } from '@/entrypoints/background/router';
import { EXTENSION_ID, startBackground } from './protocol-fuzz.harness';

type Kind = 'content' | 'picker' | 'extension';
const ADS = 'https://ads.tiktok.com/i18n/creation/creative?aadvid=7001';
const tab = (id: number, url: string) => ({ id, url }) as Browser.tabs.Tab;

/** Real senders as Chrome describes them. */
const SENDERS: Record<Kind, Browser.runtime.MessageSender[]> = {
  content: [
    { id: EXTENSION_ID, url: 'https://mail.google.com/mail/u/0/#inbox', tab: tab(7, 'https://mail.google.com/mail/u/0/'), frameId: 0 },
    { id: EXTENSION_ID, url: ADS, tab: tab(5, ADS), frameId: 0 },
  ],
  picker: [{ id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/code-picker.html`, tab: tab(5, ADS), frameId: 3 }],
  extension: [
    { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/popup.html` },
    {
      id: EXTENSION_ID,
      url: `chrome-extension://${EXTENSION_ID}/dashboard.html`,
      tab: tab(8, `chrome-extension://${EXTENSION_ID}/dashboard.html`),
      frameId: 0,
    },
    {
      id: EXTENSION_ID,
      url: `chrome-extension://${EXTENSION_ID}/options.html`,
      tab: tab(9, `chrome-extension://${EXTENSION_ID}/options.html`),
      frameId: 0,
    },
  ],
};

/** Who may send what: the smallest set each kind needs. */
const ALLOWED: { [K in keyof ProtocolMap]: Kind[] } = {
  saveCodes: ['content', 'extension'],
  savedCodes: ['extension'],
  findCodes: ['content'],
  describeExpiry: ['content'],
  barKit: ['content'],
  applyReady: ['content'],
  applyFromPage: ['content'],
  choosePeriod: ['extension'],
  setReceivedAt: ['extension'],
  restoreExpiryBasis: ['extension'],
  setUsage: ['extension'],
  updateCode: ['extension'],
  deleteCodes: ['extension'],
  restoreDeleted: ['extension'],
  popupView: ['extension'],
  vaultChanged: [],
  bulkEditCodes: ['extension'],
  importCodes: ['extension'],
  pickerRegister: ['content'],
  pickerBind: ['content'],
  pickerConfirmed: ['content'],
  pickerCodeProblem: ['content'],
  pickerRequestRenewal: ['picker'],
  pickerSession: ['picker'],
  pickerList: ['picker'],
  pickerFill: ['picker'],
  pickerUndoUsed: ['picker'],
  pickerUi: ['picker'],
  fillCode: [],
  pickerUiRelay: [],
  verifyCodes: ['extension'],
  testTikTokConnection: ['extension'],
  tiktokAddAccount: ['extension'],
  tiktokRemoveAccount: ['extension'],
  tiktokPreviewImport: ['extension'],
  tiktokSync: ['extension'],
  tiktokApplyCodes: ['extension'],
  teamSheetConnect: ['extension'],
  teamSheetDisconnect: ['extension'],
  teamSheetSync: ['extension'],
  teamSheetStatus: ['extension'],
  teamSheetSettle: ['extension'],
};

let db: CodesDb;
beforeAll(async () => {
  fakeBrowser.reset();
  await saveSettings({ language: 'en', alertWindowDays: 5 });
  db = openCodesDb(`senders-${Math.random()}`);
  await db.open();
});
afterAll(() => db.close());

describe('router: message × sender kind', () => {
  it('has one rule per message of the protocol', () => {
    expect(Object.keys(messageSchemas).sort()).toEqual(Object.keys(ALLOWED).sort());
  });

  const rows = (Object.keys(messageSchemas) as (keyof ProtocolMap)[]).flatMap((type) =>
    (Object.keys(SENDERS) as Kind[]).map((kind) => ({ type, kind, allowed: ALLOWED[type]?.includes(kind) ?? false })),
  );
  it.each(rows)('$type from $kind: allowed=$allowed', async ({ type, kind, allowed }) => {
    const bg = startBackground(db);
    // The API feature's handlers (setupVerification wires them with alarms and hooks): only the gate matters here.
    const stopApi = registerHandlers({
      verifyCodes: () => ({ ran: false, verified: 0, lost: 0, failed: [], skipped: 0 }),
      testTikTokConnection: () => ({ ok: false }),
      tiktokAddAccount: () => ({ ok: false }),
      tiktokRemoveAccount: () => undefined,
      tiktokPreviewImport: () => ({ ok: false, accounts: [], newCodes: 0, knownCodes: 0 }),
      tiktokSync: () => ({ ran: false, accounts: [], added: 0, updated: 0, changes: 0 }),
      tiktokApplyCodes: () => ({ ran: false, results: [], applied: 0, already: 0, failed: 0 }),
      ...Object.fromEntries(['teamSheetConnect', 'teamSheetDisconnect', 'teamSheetSync', 'teamSheetStatus', 'teamSheetSettle'].map((t) => [t, () => ({ state: 'off', pending: 0, recent: [], asking: [] })])),
    });
    try {
      for (const sender of SENDERS[kind]) {
        // An empty payload: an allowed sender meets the data check (or a handler), a forbidden one the sender gate.
        const reply = await bg.request(type, {}, sender);
        const refusedBySender = reply?.err?.message === 'Message refused: sender not allowed.';
        // Messages the background only sends have no handler here: never answered, from anyone.
        if (!ALLOWED[type].length) expect(reply?.res).toBeUndefined();
        else expect(refusedBySender, `${type} from ${sender.url}`).toBe(!allowed);
      }
    } finally {
      stopApi();
      bg.stop();
    }
  });
});
