// Both sides of the page-script protocol, for real: the content scripts' sender
// (utils/capture/messaging.ts) talks to the background's router with its real handlers and a
// real (fake-indexeddb) vault. If the two sides ever disagree on the wire, these fail.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { apiCredentialsItem } from '@/utils/api-settings';
import { saveSettings } from '@/utils/settings';
import type { Browser } from 'wxt/browser';
import { openCodesDb, type CodesDb } from '@/utils/vault/db';
import { backgroundSender } from '@/utils/capture/messaging';
import { PAGE_CALLS, encodeRequest } from '@/utils/capture/page-protocol';
import { rejectedLog } from '@/entrypoints/background/router';
import { makeCode, NOW } from './dashboard-fixtures';
import { EXTENSION_ID, GMAIL_TAB, startBackground } from './protocol-fuzz.harness';

let db: CodesDb;
let bg: ReturnType<typeof startBackground>;
beforeEach(async () => {
  db = openCodesDb(`page-protocol-${Math.random()}`);
  bg = startBackground(db);
});
afterEach(async () => {
  bg.stop();
  db.close();
});

/** The content script's runtime, as Chrome delivers its messages to the background from `sender`. */
const runtimeFrom = (sender: Browser.runtime.MessageSender) => ({
  id: EXTENSION_ID,
  sendMessage: (message: unknown) => bg.send(message, sender),
});

describe('page-script protocol, sender ↔ real background router', () => {
  const code = makeCode(77);
  /** One request per call the page protocol carries; a new call without a case here fails. */
  const cases: { [K in (typeof PAGE_CALLS)[number]]: () => Promise<void> } = {
    barKit: async () => {
      const send = backgroundSender(runtimeFrom(GMAIL_TAB));
      // The Save bar's look and words come from the background: the page script carries no stylesheet and no other language.
      const english = await send('barKit', {});
      expect(english.css).toContain('.row');
      expect([english.lang, english.words['Save all']]).toEqual(['en', 'Save all']);
      // The user's UI language, the same one the options page shows.
      await saveSettings({ language: 'de' });
      const german = await send('barKit', {}).finally(() => saveSettings({ language: 'auto' }));
      expect([german.lang, german.words['Save all'], german.words['{count} ad codes in this message']]).toEqual([
        'de',
        'Alle speichern',
        '{count} Anzeigencodes in dieser Nachricht',
      ]);
    },
    findCodes: async () => {
      const send = backgroundSender(runtimeFrom(GMAIL_TAB));
      const found = await send('findCodes', { text: `Hi! my spark code ${code} valid for 60 days` });
      expect(found).toMatchObject([{ code, periodDays: 60, saved: false }]);
    },
    saveCodes: async () => {
      const send = backgroundSender(runtimeFrom(GMAIL_TAB));
      const results = await send('saveCodes', { captures: [{ code, sentAt: NOW, source: { kind: 'gmail', senderName: 'Maya' } }] });
      expect(results).toMatchObject([{ code, outcome: 'saved' }]);
      expect((await db.codes.where('code').equals(code).first())?.source.senderName).toBe('Maya');
      // …and the next findCodes knows it is saved.
      expect(await send('findCodes', { text: code })).toMatchObject([{ code, saved: true }]);
    },
    describeExpiry: async () => {
      const send = backgroundSender(runtimeFrom(GMAIL_TAB));
      const now = Date.UTC(2025, 8, 1);
      expect(await send('describeExpiry', { periodDays: 60, sentAtText: { texts: ['Wed, Aug 20, 2025, 1:19 PM'], now } })).toEqual({
        text: 'Aug 20 message + 60 days stated in the message',
        estimated: false,
        dateUnknown: false,
        receivedDay: 'Aug 20',
      });
      const unknown = await send('describeExpiry', { sentAtText: { texts: ['sometime last week'], now } });
      expect(unknown).toMatchObject({ estimated: true, dateUnknown: true });
      expect(unknown.text).toMatch(
        /^saved .+ \(the message date was not found\) \+ 30 days assumed \(no period in the message\) — estimated$/,
      );
    },
    applyReady: async () => {
      const send = backgroundSender(runtimeFrom(GMAIL_TAB));
      // The API off: the Save bar shows no "Apply to ad accounts…".
      expect(await send('applyReady', {})).toBe(false);
      await connectAccount();
      expect(await send('applyReady', {})).toBe(true);
    },
    applyFromPage: async () => {
      const send = backgroundSender(runtimeFrom(GMAIL_TAB));
      vi.restoreAllMocks();
      await apiCredentialsItem.setValue({ enabled: false, accessToken: '', advertiserId: '' });
      await expect(send('applyFromPage', { captures: [{ code, sentAt: NOW, source: { kind: 'gmail' } }] })).rejects.toThrow(
        'Connect an ad account first',
      );
      expect(await db.codes.count()).toBe(0);
      await connectAccount();
      const opened = vi.spyOn(fakeBrowser.tabs, 'create');
      const results = await send('applyFromPage', { captures: [{ code, sentAt: NOW, source: { kind: 'gmail', senderName: 'Maya' } }] });
      expect(results).toMatchObject([{ code, outcome: 'saved' }]);
      const id = (await db.codes.where('code').equals(code).first())!.id;
      expect(opened).toHaveBeenCalledWith({ url: `chrome-extension://${EXTENSION_ID}/dashboard.html?apply=${id}` });
      // Saved already: the same code opens the dialog again without a second record.
      await send('applyFromPage', { captures: [{ code, sentAt: NOW, source: { kind: 'gmail' } }] });
      expect(await db.codes.count()).toBe(1);
      expect(opened).toHaveBeenLastCalledWith({ url: `chrome-extension://${EXTENSION_ID}/dashboard.html?apply=${id}` });
    },
  };

  async function connectAccount() {
    await apiCredentialsItem.setValue({
      enabled: true,
      accessToken: 'mocktoken0123456789abcdef0123456789abcdef',
      advertiserId: '7012345678901234567',
    });
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
  }

  for (const call of PAGE_CALLS) it(`round-trips ${call}`, () => cases[call]());

  it('answers each page request exactly once (the typed-protocol listener stays out of it)', async () => {
    const replies: unknown[] = [];
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown[]>;
    await new Promise<void>((resolve) => {
      void trigger(encodeRequest('findCodes', { text: code }), GMAIL_TAB, (r: unknown) => {
        replies.push(r);
        setTimeout(resolve, 20);
      });
    });
    expect(replies).toHaveLength(1);
  });

  it('saves the sent date a page sends as text, read by the background; one it refuses stays unknown', async () => {
    const send = backgroundSender(runtimeFrom(GMAIL_TAB));
    const other = makeCode(78);
    const texts = { read: ['Thu, Nov 19, 2026, 10:14 AM'], refused: ['11/06/2026 10:14 AM'] };
    await send('saveCodes', {
      captures: [
        { code, sentAtText: { texts: texts.read, now: NOW }, source: { kind: 'gmail' } },
        { code: other, sentAtText: { texts: texts.refused, now: NOW }, source: { kind: 'gmail' } },
      ],
    });
    const saved = await db.codes.where('code').equals(code).first();
    expect(saved?.receivedAt).toBe(new Date(2026, 10, 19, 10, 14).getTime());
    expect(saved).not.toHaveProperty('sentAtText');
    // An all-numeric date without the page's order is not guessed: the vault's rule for an unknown date applies.
    const unknown = await db.codes.where('code').equals(other).first();
    expect(unknown?.receivedAt).not.toBe(new Date(2026, 10, 6, 10, 14).getTime());
    expect(unknown?.receivedAt).not.toBe(new Date(2026, 5, 11, 10, 14).getTime());
  });

  it('refuses a page that is not ours, with a message the user can read, and logs it', async () => {
    const before = rejectedLog.length;
    const send = backgroundSender(
      runtimeFrom({ id: 'another-extension', url: 'https://evil.example/', tab: { id: 3 } as Browser.tabs.Tab }),
    );
    await expect(send('saveCodes', { captures: [{ code, source: { kind: 'gmail' } }] })).rejects.toThrow(/sender not allowed/);
    expect(await db.codes.count()).toBe(0);
    expect(rejectedLog.length).toBe(before + 1);
  });

  it('refuses an invalid payload and a call the protocol does not carry', async () => {
    const send = backgroundSender(runtimeFrom(GMAIL_TAB));
    await expect(send('saveCodes', { captures: [{ code, source: { kind: 'evil' as never } }] })).rejects.toThrow(/invalid data/);
    await expect(send('deleteCodes' as never, { ids: [1] } as never)).rejects.toThrow(/did not answer|not a request/);
  });
});
