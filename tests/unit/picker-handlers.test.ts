import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Handlers } from '@/entrypoints/background/router';
import { saveCaptures } from '@/utils/vault/commands';
import { openCodesDb, type CodesDb } from '@/utils/vault/db';
import { DAY_MS } from '@/utils/expiry';

// The fill goes back to the page's content script through the messaging library; capture it.
const sent = vi.hoisted(() => ({ calls: [] as unknown[][], reply: { ok: true, filledIds: [] as number[] } as unknown }));
vi.mock('@/utils/protocol', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  sendMessage: vi.fn(async (...args: unknown[]) => {
    sent.calls.push(args);
    return sent.reply;
  }),
}));
const { pickerHandlers } = await import('@/entrypoints/background/picker-handlers');
const { accountsItem } = await import('@/utils/tiktok-accounts');
const settings = await import('@/utils/settings');
const settingsLanguage = (language: 'de') => settings.saveSettings({ language });

const NOW = Date.UTC(2026, 10, 25, 12);
const TOKEN = 'tok_AAAAAAAAAAAAAAAAAAAAAAAA';
const AADVID = '7012345678901234567';
const page = { tab: { id: 5 } as never, frameId: 0, url: `https://ads.tiktok.com/i18n/creation/creative?aadvid=${AADVID}` };
const picker = { tab: { id: 5 } as never, frameId: 3, url: 'chrome-extension://abc/code-picker.html' };
const otherTab = { ...picker, tab: { id: 9 } as never };
/** A random-looking code, deterministic per seed (the extractor refuses repetitive ones). */
function code(seed: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let x = (seed * 2654435761) >>> 0;
  let body = '';
  for (let i = 0; i < 64; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    body += alphabet[(x >>> 16) % 64];
  }
  return `#${body}`;
}

let db: CodesDb;
let h: Required<Handlers>;
let changed: ReturnType<typeof vi.fn<() => void>>;
let ids: Record<'soon' | 'later' | 'expired' | 'archived', number>;
let clock = NOW;

beforeEach(async () => {
  fakeBrowser.reset();
  sent.calls = [];
  clock = NOW;
  db = openCodesDb(`picker-${Math.random()}`);
  await db.open();
  const saved = await saveCaptures(
    db,
    [
      { code: code(1), creatorHandle: '@later', periodDays: 60, sentAt: NOW - 5 * DAY_MS, source: { kind: 'paste' } },
      { code: code(2), creatorHandle: '@soon', periodDays: 30, sentAt: NOW - 28 * DAY_MS, source: { kind: 'paste' }, notes: 'serum' },
      { code: code(3), creatorHandle: '@expired', periodDays: 7, sentAt: NOW - 20 * DAY_MS, source: { kind: 'paste' } },
      { code: code(4), creatorHandle: '@archived', periodDays: 60, sentAt: NOW, source: { kind: 'paste' } },
    ],
    NOW,
  );
  ids = { later: saved[0].id!, soon: saved[1].id!, expired: saved[2].id!, archived: saved[3].id! };
  await db.codes.update(ids.archived, { archived: 1 });
  changed = vi.fn<() => void>();
  h = pickerHandlers(db, changed, () => clock) as Required<Handlers>;
  await h.pickerRegister({ token: TOKEN }, page);
  // The picker frame says hello; the content script vouches for it.
  const hello = await h.pickerSession({}, picker);
  await h.pickerBind({ token: TOKEN, nonce: (hello as { nonce: string }).nonce }, page);
});

describe('how a picker frame learns its session', () => {
  it('gets a nonce until its content script vouched for it, then the session secret', async () => {
    const other = { ...picker, frameId: 8 };
    const first = await h.pickerSession({}, other);
    expect(first).toEqual({ nonce: expect.stringMatching(/^[A-Za-z0-9_-]{16,}$/) });
    await expect(h.pickerList({ token: TOKEN }, other)).rejects.toThrow(/lost its connection/);
    await h.pickerBind({ token: TOKEN, nonce: (first as { nonce: string }).nonce }, page);
    expect(await h.pickerSession({}, other)).toEqual({ token: TOKEN });
    // Only the vouched-for frame may use the session now.
    expect((await h.pickerList({ token: TOKEN }, other)).codes.length).toBe(2);
    await expect(h.pickerList({ token: TOKEN }, picker)).rejects.toThrow(/lost its connection/);
  });

  it('a page-made picker frame cannot use the session even with the secret', async () => {
    const pageMade = { ...picker, frameId: 11 };
    expect(await h.pickerSession({}, pageMade)).toHaveProperty('nonce');
    await expect(h.pickerList({ token: TOKEN }, pageMade)).rejects.toThrow(/lost its connection/);
  });

  it('refuses a nonce from another tab, a made-up one, or one used twice', async () => {
    const elsewhere = (await h.pickerSession({}, otherTab)) as { nonce: string };
    await expect(h.pickerBind({ token: TOKEN, nonce: elsewhere.nonce }, page)).rejects.toThrow(/lost its connection/);
    await expect(h.pickerBind({ token: TOKEN, nonce: 'made_up_nonce_AAAAAAAAAAAA' }, page)).rejects.toThrow();
    const fresh = (await h.pickerSession({}, { ...picker, frameId: 9 })) as { nonce: string };
    await h.pickerBind({ token: TOKEN, nonce: fresh.nonce }, page);
    await expect(h.pickerBind({ token: TOKEN, nonce: fresh.nonce }, page)).rejects.toThrow();
    // Only the content script's own frame may vouch.
    const again = (await h.pickerSession({}, { ...picker, frameId: 10 })) as { nonce: string };
    await expect(h.pickerBind({ token: TOKEN, nonce: again.nonce }, { ...page, frameId: 2 })).rejects.toThrow();
  });
});

describe('picker sessions', () => {
  it('lists usable codes soonest first, for the account in the page URL', async () => {
    const list = await h.pickerList({ token: TOKEN }, picker);
    expect(list.codes.map((c) => c.creatorHandle)).toEqual(['@soon', '@later']);
    expect(list.advertiserId).toBe(AADVID);
    expect(list.now).toBe(NOW);
    expect(list.codes[0]).toMatchObject({ notes: 'serum', usedHere: false });
    const withExpired = await h.pickerList({ token: TOKEN, includeExpired: true }, picker);
    expect(withExpired.codes.map((c) => c.creatorHandle)).toEqual(['@expired', '@soon', '@later']);
  });

  it('names the account when the TikTok connection knows it, and says which language to show', async () => {
    const bare = await h.pickerList({ token: TOKEN }, picker);
    expect(bare.accountName).toBeUndefined();
    expect(bare.language).toBe('en');
    await accountsItem.setValue({ accounts: [{ advertiserId: AADVID, name: 'Acme Beauty EU', addedAt: NOW, failures: 0 }] });
    await settingsLanguage('de');
    const named = await h.pickerList({ token: TOKEN }, picker);
    expect(named.accountName).toBe('Acme Beauty EU');
    expect(named.language).toBe('de');
    expect([bare.words.pickerFill, named.words.pickerFill, named.words.pickerFillLabel]).toEqual([
      'Fill',
      'Einfügen',
      '{code} von {who} einfügen, {expiry}',
    ]);
  });

  it('refuses a frame in another tab, or one with an unknown secret', async () => {
    await expect(h.pickerList({ token: TOKEN }, otherTab)).rejects.toThrow(/lost its connection/);
    await expect(h.pickerList({ token: 'tok_BBBBBBBBBBBBBBBBBBBBBBBB' }, picker)).rejects.toThrow(/lost its connection/);
    await expect(h.pickerFill({ token: TOKEN, ids: [ids.soon], via: 'pointer' }, otherTab)).rejects.toThrow();
    expect(sent.calls).toEqual([]);
  });

  it('sends the picked code to exactly the frame that registered, and nothing else', async () => {
    sent.reply = { ok: true, filledIds: [ids.soon] };
    const res = await h.pickerFill({ token: TOKEN, ids: [ids.soon], via: 'keyboard' }, picker);
    expect(res).toEqual({ ok: true, filledIds: [ids.soon] });
    expect(sent.calls).toEqual([
      ['fillCode', { token: TOKEN, codes: [{ id: ids.soon, code: code(2) }], via: 'keyboard' }, { tabId: 5, frameId: 0 }],
    ]);
  });

  it('will not fill an expired or archived code', async () => {
    expect(await h.pickerFill({ token: TOKEN, ids: [ids.expired], via: 'pointer' }, picker)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/expired/),
    });
    expect(await h.pickerFill({ token: TOKEN, ids: [ids.archived], via: 'pointer' }, picker)).toMatchObject({ ok: false });
    expect(sent.calls).toEqual([]);
  });

  it('says when the page did not answer', async () => {
    const { sendMessage } = await import('@/utils/protocol');
    vi.mocked(sendMessage).mockRejectedValueOnce(new Error('Could not establish connection'));
    expect(await h.pickerFill({ token: TOKEN, ids: [ids.soon], via: 'pointer' }, picker)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/did not answer/),
    });
  });
});

describe('what the list is told, in the user language', () => {
  it('a German user: the frame title and field button, a lost connection, an expired code, the page gone quiet', async () => {
    await settingsLanguage('de');
    expect(await h.pickerRegister({ token: TOKEN }, page)).toEqual({
      frameTitle: 'Ad Code Keeper: gespeicherte Anzeigencodes',
      buttonLabel: 'Gespeicherte Anzeigencodes zeigen (Ad Code Keeper)',
      buttonTitle: 'Gespeicherte Anzeigencodes',
    });
    await expect(h.pickerList({ token: TOKEN }, otherTab)).rejects.toThrow(
      'Diese Code-Liste hat die Verbindung zur Ads-Manager-Seite verloren.',
    );
    expect(await h.pickerFill({ token: TOKEN, ids: [ids.expired], via: 'pointer' }, picker)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^#.{9}… ist abgelaufen; TikTok würde ihn ablehnen\./),
    });
    const { sendMessage } = await import('@/utils/protocol');
    vi.mocked(sendMessage).mockRejectedValueOnce(new Error('Could not establish connection'));
    expect(await h.pickerFill({ token: TOKEN, ids: [ids.soon], via: 'pointer' }, picker)).toMatchObject({
      error: expect.stringMatching(/^Die Ads-Manager-Seite hat nicht geantwortet/),
    });
  });

  it("the Ads Manager page's refusal, named by picker word, reaches the list worded in German; English by default", async () => {
    sent.reply = { ok: false, refused: 'pickerTampered', tamper: 'pickerTamperCovered' };
    expect(await h.pickerFill({ token: TOKEN, ids: [ids.soon], via: 'pointer' }, picker)).toEqual({
      ok: false,
      error: 'Fill refused because something on the page covers the code list. Nothing was filled.',
    });
    await settingsLanguage('de');
    expect(await h.pickerFill({ token: TOKEN, ids: [ids.soon], via: 'pointer' }, picker)).toEqual({
      ok: false,
      error: 'Einfügen abgelehnt, weil etwas auf der Seite die Code-Liste verdeckt. Es wurde nichts eingefügt.',
    });
    sent.reply = { ok: false, refused: 'pickerNotYourAction' };
    expect(await h.pickerFill({ token: TOKEN, ids: [ids.soon], via: 'pointer' }, picker)).toMatchObject({
      error: expect.stringMatching(/^Einfügen abgelehnt: Es muss auf deinen eigenen Klick/),
    });
    // Not a picker word: passed on as it came, never looked up.
    sent.reply = { ok: false, refused: 'constructor', error: 'odd' };
    expect(await h.pickerFill({ token: TOKEN, ids: [ids.soon], via: 'pointer' }, picker)).toEqual(sent.reply);
  });

  it('a German user: what TikTok said under the field is told in German, on the list and on the code', async () => {
    await settingsLanguage('de');
    sent.reply = { ok: true, filledIds: [ids.soon] };
    await h.pickerFill({ token: TOKEN, ids: [ids.soon], via: 'pointer' }, picker);
    expect(await h.pickerCodeProblem({ token: TOKEN, id: ids.soon, problem: 'code-invalid' }, page)).toEqual({ changed: true });
    const said = 'Laut Ads Manager ist der Post-Code falsch. Prüfe, ob er vollständig ist, oder bitte den Creator um einen neuen.';
    expect((await h.pickerList({ token: TOKEN }, picker)).refused).toMatchObject({ id: ids.soon, message: said });
    expect(JSON.stringify(await db.codes.get(ids.soon))).toContain(said);
    // English stays the API's own wording for an expired code, so both paths read the same.
    const { refusalText } = await import('@/utils/i18n/picker/refusals');
    const { CODE_EXPIRED_MESSAGE } = await import('@/utils/tiktok-api');
    expect(refusalText('en', 'pickerProblemExpired')).toBe(CODE_EXPIRED_MESSAGE);
  });
});

describe('the refusal words', () => {
  it('every language has every refusal, translated, with the same placeholders', async () => {
    const { REFUSALS } = await import('@/utils/i18n/picker/refusals');
    const placeholders = (t: string) => [...t.matchAll(/\{\w+\}/g)].map((m) => m[0]).sort();
    const keys = Object.keys(REFUSALS.en) as (keyof typeof REFUSALS.en)[];
    for (const [lang, words] of Object.entries(REFUSALS)) {
      expect(Object.keys(words).sort(), lang).toEqual([...keys].sort());
      for (const k of keys) {
        expect(placeholders(words[k]), `${lang}: ${k}`).toEqual(placeholders(REFUSALS.en[k]));
        if (lang !== 'en') expect(words[k], `${lang}: ${k}`).not.toBe(REFUSALS.en[k]);
      }
    }
  });
});

describe('marking used on Confirm, and undo', () => {
  it('marks the confirmed codes used in the account of the page, once per confirmation', async () => {
    clock = NOW + 1000;
    expect(await h.pickerConfirmed({ token: TOKEN, ids: [ids.soon] }, page)).toEqual({ markedIds: [ids.soon] });
    expect(await h.pickerConfirmed({ token: TOKEN, ids: [ids.soon] }, page)).toEqual({ markedIds: [] });
    const r = (await db.codes.get(ids.soon))!;
    expect(r.status).toBe('used');
    expect(r.uses).toEqual([{ advertiserId: AADVID, at: NOW + 1000 }]);
    expect(changed).toHaveBeenCalled();
    const list = await h.pickerList({ token: TOKEN }, picker);
    expect(list.codes.find((c) => c.id === ids.soon)).toMatchObject({ usedHere: true, lastUsedAt: NOW + 1000 });
    expect(list.recentlyMarked).toEqual({ ids: [ids.soon], at: NOW + 1000 });
  });

  it('only the registered page frame may report a Confirm', async () => {
    await expect(h.pickerConfirmed({ token: TOKEN, ids: [ids.soon] }, { ...page, frameId: 2 })).rejects.toThrow();
    await expect(h.pickerConfirmed({ token: TOKEN, ids: [ids.soon] }, picker)).rejects.toThrow();
    expect((await db.codes.get(ids.soon))!.status).toBe('unused');
  });

  it('uses the account in the URL at Confirm time (the app may have switched accounts)', async () => {
    await h.pickerConfirmed(
      { token: TOKEN, ids: [ids.later] },
      { ...page, url: 'https://ads.tiktok.com/i18n/creation/creative?aadvid=42' },
    );
    expect((await db.codes.get(ids.later))!.uses.at(-1)?.advertiserId).toBe('42');
  });

  it('undo removes exactly that use and keeps earlier ones', async () => {
    await db.codes.update(ids.soon, { status: 'used', uses: [{ advertiserId: '1', at: NOW - DAY_MS }] });
    clock = NOW + 5000;
    await h.pickerConfirmed({ token: TOKEN, ids: [ids.soon] }, page);
    await h.pickerUndoUsed({ token: TOKEN, ids: [ids.soon] }, picker);
    const r = (await db.codes.get(ids.soon))!;
    expect(r.uses).toEqual([{ advertiserId: '1', at: NOW - DAY_MS }]);
    expect(r.status).toBe('used');
    expect((await h.pickerList({ token: TOKEN }, picker)).recentlyMarked).toBeUndefined();
  });

  it('a picker cannot undo uses it did not mark', async () => {
    await db.codes.update(ids.later, { status: 'used', uses: [{ advertiserId: AADVID, at: NOW - DAY_MS }] });
    await expect(h.pickerUndoUsed({ token: TOKEN, ids: [ids.later] }, picker)).rejects.toThrow(/Nothing to undo/);
    expect((await db.codes.get(ids.later))!.uses).toHaveLength(1);
  });

  it('sessions survive the service worker restarting (kept in storage.session)', async () => {
    const fresh = pickerHandlers(db, changed, () => clock) as Required<Handlers>;
    expect((await fresh.pickerList({ token: TOKEN }, picker)).codes).toHaveLength(2);
  });
});
