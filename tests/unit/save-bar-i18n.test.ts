// The mail-page Save bar in the user's language: its words come from the background (barKit), as the
// German user's options page would pick them; without an answer the bar is the English one.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { gmailSite } from '@/utils/sites/gmail/reader';
import { startCapture } from '@/utils/capture/controller';
import { barSay } from '@/utils/capture/bar-say';
import { barWords, BAR_CATALOGS } from '@/utils/i18n/bar/words';
import { enBar, type BarKey } from '@/utils/i18n/bar/en';
import { LANGUAGES } from '@/utils/i18n/core';
import { expiryHandlers } from '@/entrypoints/background/expiry-handlers';
import { saveSettings } from '@/utils/settings';
import { openCodesDb } from '@/utils/vault/db';
import { saveCaptures } from '@/utils/vault/commands';
import type { ExpiryQuestion } from '@/utils/protocol';
import { controlRoots, fakeBackground, fakeContext, loadFixture } from './capture-fixture';

const URL_ = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrXkTmZqLwPvRkGjhSbTnCsx';
const running: { invalidate(): void }[] = [];
afterEach(async () => {
  running.splice(0).forEach((ctx) => ctx.invalidate());
  await saveSettings({ language: 'auto' });
});

/** The reply-chain mail (two own codes, one quoted from Oct 5) with the bar the background's answers make. */
async function barFor(
  barKit: () => Promise<unknown>,
  fixture = 'gmail/reply-chain.html',
  edit?: (doc: Document) => void,
  saved: string[] = [],
) {
  const doc = loadFixture(fixture);
  edit?.(doc);
  const ctx = fakeContext();
  running.push(ctx);
  const bg = fakeBackground(saved);
  // The real wording of the expiry, in the language the settings name (the German user's).
  const describe = expiryHandlers(undefined as never, () => undefined).describeExpiry!;
  const send = vi.fn(async (type: string, data: never) => {
    if (type === 'barKit') return barKit();
    if (type === 'describeExpiry') return describe(data as ExpiryQuestion, { tabId: 1 } as never);
    return bg.send(type as 'findCodes', data);
  });
  const capture = startCapture(ctx, {
    site: gmailSite(() => URL_),
    send: send as never,
    pageUrl: () => URL_,
    batchMs: 0,
    recogniseWithinMs: 50,
  });
  await capture.scan();
  // Worded once the background described each code's expiry.
  await vi.waitFor(() =>
    expect(texts(controlRoots()[0] ?? document, '.how').every(Boolean) && texts(controlRoots()[0], '.how').length).toBeTruthy(),
  );
  const [root] = controlRoots();
  const rows = [...root.querySelectorAll<HTMLElement>('.row')];
  return { root, rows };
}

const texts = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)].map((e) => e.textContent);

describe('the Save bar in the user language', () => {
  it('a German user gets a German bar: the count, the quoted code "aus früherer Nachricht (5. Okt.)", the button names', async () => {
    await saveSettings({ language: 'de' });
    const saved = '#AbeuEchsVEoR7TJYHSDATOCN1D61+k7U4O5Zi+czrwcK/tmoYgj7LZDwTkENNvOX';
    const { root, rows } = await barFor(async () => ({ css: '', lang: 'de', words: barWords('de') }), undefined, undefined, [saved]);
    expect(root.querySelector('.sub')?.textContent).toBe('2 Anzeigencodes in dieser Nachricht · 1 aus einer früheren Nachricht');
    expect(rows[2].querySelector('.earlier')?.textContent).toBe('aus früherer Nachricht (5. Okt.)');
    const all = root.querySelector<HTMLButtonElement>('button.all')!;
    expect([all.textContent, all.getAttribute('aria-label')]).toEqual(['Alle speichern', 'Alle Codes dieser Nachricht speichern']);
    expect(texts(root, 'button.save')).toEqual(['Speichern', 'Speichern']);
    expect(rows[1].querySelector('button.save')?.getAttribute('aria-label')).toMatch(/^Anzeigencode #8R4jI8so…OaTCR speichern$/);
    // The code saved on an earlier visit.
    const done = rows[0].querySelector('[role="status"]')!;
    expect([done.textContent, done.getAttribute('title')]).toEqual(['Gespeichert', 'In Ad Code Keeper gespeichert']);
    expect(texts(root, '.include')).toEqual(['einbeziehen']);
    // The derivation is worded by the background in the same language.
    expect(rows[2].querySelector('.how')?.textContent).toMatch(/^Nachricht vom 5\. Okt\./);
    expect(rows[2].getAttribute('aria-label')).toMatch(/, aus früherer Nachricht$/);
    // No English word is left in what the bar shows (the code rows' own text aside).
    const shown = [...root.querySelectorAll('.sub, .earlier, .include, button, .warn, .chips, .ask')].map((e) => e.textContent).join(' | ');
    expect(shown).not.toMatch(/\b(Save|message|include|earlier|Period|days)\b/);
  });

  it('a mail with no period and no readable date: the chips, the warning and the date question are German', async () => {
    await saveSettings({ language: 'de' });
    const noPeriod = (doc: Document) => {
      const line = [...doc.querySelectorAll('div')].find((d) => d.textContent === 'I authorized it for 60 days.')!;
      line.textContent = 'Let me know what you think.';
    };
    const { root } = await barFor(async () => ({ css: '', lang: 'de', words: barWords('de') }), 'gmail/no-date.html', noPeriod);
    const chips = root.querySelector('.chips')!;
    expect(chips.getAttribute('aria-label')).toBe('Autorisierungszeitraum');
    expect(chips.firstChild?.textContent).toBe('Zeitraum:');
    expect(texts(chips, 'button')).toEqual(['7 Tage', '30 Tage', '60 Tage', '365 Tage']);
    expect(root.querySelector('.warn')?.textContent).toBe('kein Zeitraum angegeben');
    await vi.waitFor(() => expect(root.querySelector('.ask label')?.textContent).toBe('Datum nicht gefunden – wann kam dieser Code an?'));
    expect(root.querySelector('.ask button')?.textContent).toBe('Heute');
  });

  it('an unanswered words call still gives the English bar', async () => {
    await saveSettings({ language: 'de' });
    const { root, rows } = await barFor(() => Promise.reject(new Error('Ad Code Keeper did not answer. Try again in a moment.')));
    expect(root.querySelector('.sub')?.textContent).toBe('2 ad codes in this message · 1 from an earlier message');
    expect(root.querySelector('button.all')?.textContent).toBe('Save all');
    expect(texts(root, 'button.save')).toEqual(['Save', 'Save', 'Save']);
    expect(rows[2].querySelector('.earlier')?.textContent).toMatch(/^from an earlier message \(/);
  });

  it('the clipped note and its button are German', async () => {
    await saveSettings({ language: 'de' });
    loadFixture('gmail/clipped.html');
    const ctx = fakeContext();
    running.push(ctx);
    const bg = fakeBackground();
    const send = vi.fn(async (type: string, data: never) =>
      type === 'barKit' ? { css: '', lang: 'de', words: barWords('de') } : bg.send(type as 'findCodes', data),
    );
    const url = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrXkTmZqLwPvRkGjhSbTnCsx';
    const capture = startCapture(ctx, {
      site: gmailSite(() => url),
      send: send as never,
      pageUrl: () => url,
      batchMs: 0,
      recogniseWithinMs: 50,
    });
    await capture.scan();
    const root = controlRoots().find((r) => r.querySelector('.clipped'))!;
    expect(root.querySelector('.clipped span')?.textContent).toMatch(
      /^Diese Nachricht ist gekürzt: .* in dem Teil stehen, den Gmail ausblendet\.$/,
    );
    expect(root.querySelector('button.open')?.textContent).toBe('Ganze Nachricht öffnen');
  });

  it("an error this page wrote in English reads in the user language; the background's own text stays as it came", () => {
    const say = barSay({ css: '', lang: 'de', words: barWords('de') });
    expect(say.error('Ad Code Keeper was updated or restarted. Reload this page to save codes.')).toBe(
      'Ad Code Keeper wurde aktualisiert oder neu gestartet. Lade die Seite neu, um Codes zu speichern.',
    );
    expect(say.error('constructor')).toBe('constructor');
    expect(say.t('Not saved: {reason}', { reason: say.error(enBar.vaultNotCode) })).toBe(
      'Nicht gespeichert: Kein Anzeigencode: erwartet wird # gefolgt von etwa 64 Buchstaben, Ziffern, + oder /.',
    );
    expect(say.n('{count} day', '{count} days', 1)).toBe('1 Tag');
    expect(barSay().t('Save ad code {code}', { code: '#abc' })).toBe('Save ad code #abc');
  });
});

describe('the Save bar catalogs', () => {
  it('every language has every key, with the same placeholders, and its own words', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\w+\}/g)].map((m) => m[0]).sort();
    const keys = Object.keys(enBar) as BarKey[];
    for (const lang of LANGUAGES) {
      const catalog = BAR_CATALOGS[lang];
      expect(Object.keys(catalog).sort(), lang).toEqual([...keys].sort());
      for (const key of keys) {
        expect(catalog[key].trim(), `${lang}: ${key}`).not.toBe('');
        expect(placeholders(catalog[key]), `${lang}: ${key}`).toEqual(placeholders(enBar[key]));
      }
      // Translated, not copied.
      if (lang !== 'en')
        expect(
          keys.filter((k) => catalog[k] === enBar[k]),
          lang,
        ).toEqual([]);
      // What the background sends holds every word under its English.
      expect(Object.keys(barWords(lang)).sort(), lang).toEqual(keys.map((k) => enBar[k]).sort());
    }
  });

  it("the vault's reason for refusing a capture is the bar's word, so the bar can say it in the user language", async () => {
    const db = openCodesDb(`save-bar-${Math.random()}`);
    const [result] = await saveCaptures(db, [{ code: '#short', source: { kind: 'gmail' } }], Date.now());
    db.close();
    expect(result).toMatchObject({ outcome: 'invalid', reason: enBar.vaultNotCode });
  });

  it('no two English words are the same (the scripts name a word by its English)', () => {
    const english = Object.values(enBar);
    expect(new Set(english).size).toBe(english.length);
  });
});
