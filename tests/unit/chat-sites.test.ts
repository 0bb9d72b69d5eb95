// The 2026 chat pages (fixtures modelled on tests/fixtures/*/ and ../shared/notes/real-pages.md):
// each saves a code with its sender and message time, and virtualised lists keep one control per code.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startCapture } from '@/utils/capture/controller';
import { findCodes } from '@/utils/capture/find-codes';
import type { SiteAdapter } from '@/utils/capture/types';
import { instagramSite } from '@/utils/sites/instagram/reader';
import { slackSite } from '@/utils/sites/slack/reader';
import { tiktokDmSite } from '@/utils/sites/tiktok-dm/reader';
import { tiktokShopSite } from '@/utils/sites/tiktok-shop/reader';
import { parsePrePlainText, whatsappSite } from '@/utils/sites/whatsapp/reader';
import { asSaved, buttonsIn, controlRoots, fakeBackground, fakeContext, loadFixture, localExtract } from './capture-fixture';

const NOW = new Date(2026, 10, 21, 12, 0).getTime();
const local = (y: number, m: number, d: number, h: number, min: number) => new Date(y, m - 1, d, h, min).getTime();
const running: { invalidate(): void }[] = [];
afterEach(() => running.splice(0).forEach((c) => c.invalidate()));

/** Runs capture on the loaded fixture and checks there is a Save button for `code` (clicks are checked in e2e: jsdom clicks are untrusted). */
async function saveOn(site: SiteAdapter, url: string, code: string) {
  const ctx = fakeContext();
  running.push(ctx);
  const bg = fakeBackground();
  const capture = startCapture(ctx, { site, send: bg.send, pageUrl: () => url, batchMs: 0, log: { warn: vi.fn() } });
  await capture.scan();
  const roots = controlRoots();
  const save = roots.flatMap(buttonsIn).find((b) => b.getAttribute('aria-label')?.startsWith(`Save ad code ${code.slice(0, 9)}`));
  expect(save, `a Save button for ${code.slice(0, 9)}`).toBeTruthy();
  return { capture, roots, bg };
}

/** What a save sends, by reading the unit the way the controller does (trusted clicks cannot be faked in jsdom). */
async function captured(site: SiteAdapter, code: string) {
  const [unit] = site.findUnits(document);
  const found = (await findCodes(unit, localExtract)).codes.find((f) => f.code === code);
  expect(found, code).toBeTruthy();
  return { found: found!, meta: asSaved(unit.meta(found!.segment)), raw: unit.meta(found!.segment), unit };
}

describe('TikTok web messages, 2026 dm-new-* DOM', () => {
  const URL_ = 'https://www.tiktok.com/messages?lang=en';
  const CODE = '#pOnC1+4EakoKm5b+OAYGSTWjRlLK6sNdVU72lZ/o2+YH19dCqgn28s9Dp68GZN9Z';
  it('saves the code with the row sender, the header name and the separator time', async () => {
    loadFixture('tiktok-dm/dm-new.html');
    const { found, meta } = await captured(tiktokDmSite(() => URL_, () => NOW), CODE);
    expect(found.periodDays).toBe(30);
    expect(meta).toMatchObject({ partnerHandle: '@sam.bakes', senderName: 'Sam Bakes', sentAt: local(2026, 11, 20, 14, 5), url: URL_ });
  });
  it('own rows (linking another profile than the header) are not the creator', async () => {
    loadFixture('tiktok-dm/dm-new.html');
    const [unit] = tiktokDmSite(() => URL_, () => NOW).findUnits(document);
    expect(asSaved(unit.meta(unit.segments[0]))).toMatchObject({ senderName: undefined, sentAt: local(2026, 11, 19, 18, 40) });
  });
  it('re-rendered rows (virtualised list) get their control again, once', async () => {
    loadFixture('tiktok-dm/dm-new.html');
    const { capture } = await saveOn(tiktokDmSite(() => URL_, () => NOW), URL_, CODE);
    const wrapper = document.querySelector('[data-index="3"]')!;
    const clone = wrapper.cloneNode(true) as Element;
    clone.querySelectorAll('[data-ad-code-keeper]').forEach((h) => h.remove());
    wrapper.remove();
    await capture.scan();
    expect(controlRoots()).toHaveLength(0);
    document.querySelector('[data-index="4"]')!.before(clone);
    await capture.scan();
    await capture.scan();
    expect(controlRoots()).toHaveLength(1);
  });
});

describe('Instagram DMs, 2026 DOM (column-reverse, role="group" per message)', () => {
  const URL_ = 'https://www.instagram.com/direct/t/17842501234567890/';
  const CODE = '#3zLIbet6+UzH+7/3eLO6m4H5x29iI/Vmy0s5bla5kzFpfITtaO+rC8qLk1urN0Xt';
  it('reads the newest-first list oldest first, joining a code sent in two bubbles', async () => {
    loadFixture('instagram/dm-2026.html');
    const { found, meta } = await captured(instagramSite(() => URL_, () => NOW), CODE);
    expect(found.periodDays).toBe(60);
    expect(meta).toMatchObject({ partnerHandle: '@maya.creates', senderName: 'maya.creates', sentAt: local(2026, 11, 20, 9, 41), messageId: 'mid.$gAE7xZq4' });
  });
  it('puts the control under the bubble where the code ends', async () => {
    loadFixture('instagram/dm-2026.html');
    await saveOn(instagramSite(() => URL_, () => NOW), URL_, CODE);
    const host = document.querySelector('[data-ad-code-keeper]')!;
    // The group sits in a plain wrapper, so "under" is after it there (the list itself is column-reverse).
    expect(host.previousElementSibling?.textContent).toBe(CODE.slice(30));
  });
  it('in a column-reverse parent, "under" is before the row in the DOM', async () => {
    loadFixture('instagram/dm-2026.html');
    document.querySelectorAll<HTMLElement>('.wrap').forEach((w) => (w.style.cssText = 'display:flex;flex-direction:column-reverse'));
    await saveOn(instagramSite(() => URL_, () => NOW), URL_, CODE);
    expect(document.querySelector('[data-ad-code-keeper]')!.nextElementSibling?.textContent).toBe(CODE.slice(30));
  });
  it('rows removed and re-added as you scroll keep exactly one control', async () => {
    loadFixture('instagram/dm-2026.html');
    const { capture } = await saveOn(instagramSite(() => URL_, () => NOW), URL_, CODE);
    const list = document.querySelector('.lst')!;
    // The page re-renders rows from its data: new elements, without our control in them.
    const kept = [...list.children].map((c) => c.cloneNode(true) as Element);
    kept.forEach((c) => c.querySelectorAll('[data-ad-code-keeper]').forEach((h) => h.remove()));
    list.replaceChildren();
    await capture.scan();
    expect(controlRoots()).toHaveLength(0);
    list.append(...kept);
    await capture.scan();
    list.append(); // a no-op mutation burst
    await capture.scan();
    expect(controlRoots()).toHaveLength(1);
  });
  it('an own message (pushed right, no avatar link) names no sender', async () => {
    loadFixture('instagram/dm-2026.html');
    const [unit] = instagramSite(() => URL_, () => NOW).findUnits(document);
    expect(unit.segments[0].textContent).toMatch(/^Hey Maya/);
    expect(asSaved(unit.meta(unit.segments[0]))).toMatchObject({ senderName: undefined, sentAt: local(2026, 11, 19, 18, 12) });
  });
});

describe('TikTok Shop Affiliate Center IM (chatd kit)', () => {
  const URL_ = 'https://affiliate-us.tiktok.com/seller/im?shop_region=US&creator_id=7439000000000000001';
  const CODE = '#zWbnXjgSTdd8PM5Pp/7vtA3R6DiZezwfg5y9cqBruxXI21kXNxSwH7/1K7wP94pJ';
  it('a row without a time label inherits the last one; the creator is the open contact', async () => {
    loadFixture('tiktok-shop/affiliate-im.html');
    const { found, meta, raw } = await captured(tiktokShopSite(() => URL_, () => NOW), CODE);
    expect(found.periodDays).toBe(30);
    expect(meta).toMatchObject({ partnerHandle: '@sam.bakes', senderName: 'Sam Bakes', sentAt: local(2026, 11, 20, 9, 12) });
    // The page sends the labels as printed (the code's row has none: the last one above it comes first); the background reads them.
    expect(raw.sentAt).toBeUndefined();
    expect(raw.sentAtText?.texts).toEqual(['Nov 20, 2026 9:12 AM', 'Nov 19, 2026 5:55 PM']);
  });
  it('runs on affiliate pages (panel) and in Seller Center chat, not elsewhere on Seller Center', () => {
    const site = tiktokShopSite();
    expect(site.isActive(new URL('https://affiliate.tiktok.com/connection/creator?shop_region=US'))).toBe(true);
    expect(site.isActive(new URL('https://seller-us.tiktok.com/chat/inbox/current?shop_region=US'))).toBe(true);
    expect(site.isActive(new URL('https://seller-us.tiktok.com/product/manage'))).toBe(false);
    expect(site.isActive(new URL('https://www.tiktok.com/chat/inbox'))).toBe(false);
  });
});

describe('WhatsApp Web (2026: no .message-in/.message-out)', () => {
  const URL_ = 'https://web.whatsapp.com/';
  const CODE = '#mBDal6Q0xdTuTBoJBLIqmHm3vnhTxnOJiLOuHGib0G1bhmEcNpmSO6eZOB72pVGX';
  it('saves with sender and exact time from data-pre-plain-text', async () => {
    loadFixture('whatsapp/chat.html');
    const { found, meta } = await captured(whatsappSite(() => URL_, () => NOW, () => 'en-US'), CODE);
    expect(found.periodDays).toBe(60);
    expect(meta).toMatchObject({ senderName: 'Lucía Fit', sentAt: local(2026, 11, 20, 20, 20), messageId: '3EB0A1B2C3D4E5F6071A' });
  });
  it('an own message (outgoing tail / read ticks, own profile name) is not the sender of the code', async () => {
    loadFixture('whatsapp/chat.html');
    const [unit] = whatsappSite(() => URL_, () => NOW, () => 'en-US').findUnits(document);
    expect(unit.meta(unit.segments[0]).senderName).toBeUndefined();
  });
  it.each([
    ['[8:19 PM, 6/13/2026] bundaa: ', 'en-US', local(2026, 6, 13, 20, 19), 'bundaa'],
    ['[15:33, 14/9/2026] Magali: ', 'es-ES', local(2026, 9, 14, 15, 33), 'Magali'],
    ['[13:38, 15/08/2026] Fulano: ', 'pt-BR', local(2026, 8, 15, 13, 38), 'Fulano'],
    ['[09:05, 03/04/2026] Ana: ', 'pt-BR', local(2026, 4, 3, 9, 5), 'Ana'],
    ['[09:05, 03/04/2026] Ana: ', 'en-US', local(2026, 3, 4, 9, 5), 'Ana'],
    ['[1:02 AM, 12/10/2025] Esha Tanveer - Upvave - QA: ', 'en-US', local(2025, 12, 10, 1, 2), 'Esha Tanveer - Upvave - QA'],
    ['[25:61, 1/1/2026] X: ', 'en-US', undefined, 'X'],
    ['[13:10 PM, 1/1/2026] X: ', 'en-US', undefined, 'X'],
  ])('reads %s in %s', (text, lang, sentAt, sender) => {
    const order = lang === 'en-US' ? 'mdy' : 'dmy';
    expect(parsePrePlainText(text, order)).toEqual({ sentAt, sender });
  });
});

describe('Slack in the browser', () => {
  const URL_ = 'https://app.slack.com/client/T01ABCDEF/C07CREATORS';
  const CODE = '#LTh3dKQLpM1OcRzhouppeqTMd2qT1XWE1CqxdYGsDccJ91HOrlweHROhbF8hCtZU';
  it('a follow-on message carries the sender forward and has its own exact time', async () => {
    loadFixture('slack/channel.html');
    const { found, meta } = await captured(slackSite(() => URL_, () => NOW), CODE);
    expect(found.periodDays).toBe(60);
    expect(meta).toMatchObject({ senderName: 'Priya Shah', sentAt: 1795169742000, messageId: '1795169742.000300' });
  });
  it('day dividers are not messages and date nothing to the minute', async () => {
    loadFixture('slack/channel.html');
    const [unit] = slackSite(() => URL_, () => NOW).findUnits(document);
    expect(unit.segments).toHaveLength(4);
    expect(asSaved(unit.meta(unit.segments[0]))).toMatchObject({ senderName: 'Jordan Kim', sentAt: 1795110000000 });
  });
});
