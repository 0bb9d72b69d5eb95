import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { advertiserIdFromUrl, buttonAction, dialogTitle, findCodeFields, isAdsManagerOrigin } from '@/utils/sites/ads-manager';

const SAVED = path.resolve(__dirname, '../fixtures/ads-manager/saved');

function load(name: string): Document {
  return new DOMParser().parseFromString(readFileSync(path.join(SAVED, name), 'utf8'), 'text/html');
}

/** jsdom lays nothing out, so "shown" here means: not inside display:none or [hidden]. */
function visibleInJsdom(el: Element): boolean {
  for (let n: Element | null = el; n; n = n.parentElement) {
    if (n.hasAttribute('hidden') || /display:\s*none/.test(n.getAttribute('style') ?? '')) return false;
  }
  return true;
}

const detect = (doc: Document) => findCodeFields(doc, visibleInJsdom);

const LANGS = ['en', 'es', 'pt', 'de', 'fr', 'ja'] as const;
const CONFIRM = { en: 'Confirm', es: 'Confirmar', pt: 'Confirmar', de: 'Bestätigen', fr: 'Confirmer', ja: '確認' };
const CONTINUE = { en: 'Continue', es: 'Continuar', pt: 'Continuar', de: 'Weiter', fr: 'Continuer', ja: '続行' };

describe('findCodeFields on saved Ads Manager pages', () => {
  it.each(LANGS)('classic "Authorize TikTok Post" dialog (%s): the Authorized Post input, one code', (lang) => {
    const doc = load(`classic-${lang}.html`);
    const hits = detect(doc);
    expect(hits).toHaveLength(1);
    const [hit] = hits;
    expect(hit.field.tagName).toBe('INPUT');
    expect(hit.kind).toBe('single');
    expect(hit.dialog?.getAttribute('role')).toBe('dialog');
    // Class names are generated: the detection must not have needed them.
    expect(hit.field.className).toMatch(/^css-[a-z0-9]+$/);
    const buttons = Array.from(hit.dialog!.querySelectorAll('button'));
    expect(buttonAction(buttons.find((b) => b.textContent === CONFIRM[lang])!)?.action).toBe('commit');
    expect(buttons.filter((b) => buttonAction(b)?.action === 'commit')).toHaveLength(1);
    // The × (aria-label Close) and Cancel both leave without using the code.
    expect(buttons.filter((b) => buttonAction(b)?.action === 'cancel')).toHaveLength(2);
  });

  it.each(LANGS)('Smart+ "Authorize TikTok posts" dialog (%s): the textarea, several codes as lines', (lang) => {
    const doc = load(`smart-${lang}.html`);
    const [hit, ...rest] = detect(doc);
    expect(rest).toHaveLength(0);
    expect(hit.field.tagName).toBe('TEXTAREA');
    expect(hit.kind).toBe('lines');
    expect(dialogTitle(hit.dialog!)).toBe(hit.field.getAttribute('aria-label'));
    const next = Array.from(hit.dialog!.querySelectorAll('button')).find((b) => b.textContent === CONTINUE[lang])!;
    // Continue goes on to the next step: the codes are not used yet.
    expect(buttonAction(next)).toEqual({ button: next, action: 'advance' });
  });

  it('a plain form: only the Spark Ads code field, never promo codes, names or search boxes', () => {
    const hits = detect(load('other-en.html'));
    expect(hits.map((h) => h.field.id)).toEqual(['f-spark']);
    expect(hits[0].dialog).toBeUndefined();
  });

  it('a dialog without roles: found by its title; hidden, read-only, password and email inputs are skipped', () => {
    const doc = load('roleless-modal.html');
    const hits = detect(doc);
    expect(hits).toHaveLength(1);
    expect(hits[0].field.getAttribute('placeholder')).toBe('Search');
    expect(hits[0].reason).toContain('Authorize TikTok Post');
    const confirm = doc.querySelector('._pr1 span')!;
    expect(buttonAction(confirm)?.button.textContent).toBe('Confirm');
    expect(buttonAction(doc.querySelector('._b7n')!)?.action).toBe('cancel');
  });

  it('a generic "Search" field outside any authorization dialog is not a code field', () => {
    const doc = new DOMParser().parseFromString('<div role="dialog" aria-label="Filters"><label>Post<input placeholder="Search"></label></div><input aria-label="Ad name">', 'text/html');
    expect(detect(doc)).toEqual([]);
  });
});

describe('Ads Manager URLs', () => {
  it('reads the advertiser account from aadvid in the query or the hash route', () => {
    expect(advertiserIdFromUrl('https://ads.tiktok.com/i18n/creation/creative?aadvid=7012345678901234567')).toBe('7012345678901234567');
    expect(advertiserIdFromUrl('https://ads.tiktok.com/i18n/perf#/campaign?aadvid=42&x=1')).toBe('42');
    expect(advertiserIdFromUrl('https://ads.tiktok.com/i18n/creation/creative')).toBeUndefined();
    expect(advertiserIdFromUrl('https://ads.tiktok.com/?aadvid=12<script>')).toBeUndefined();
    expect(advertiserIdFromUrl('not a url')).toBeUndefined();
  });

  it('talks only to Ads Manager origins, including regional hosts', () => {
    for (const ok of ['https://ads.tiktok.com', 'https://ads.us.tiktok.com', 'https://eu.ads.tiktok.com']) expect(isAdsManagerOrigin(ok)).toBe(true);
    for (const bad of ['http://ads.tiktok.com', 'https://www.tiktok.com', 'https://ads.tiktok.com.evil.example', 'https://evil-ads.tiktok.com', 'https://adsXtiktok.com', 'null']) {
      expect(isAdsManagerOrigin(bad)).toBe(false);
    }
  });
});
