import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gmailSite } from '@/utils/sites/gmail/reader';
import { startCapture } from '@/utils/capture/controller';
import { findCodes } from '@/utils/capture/find-codes';
import { asSaved, buttonsIn, controlRoots, fakeBackground, fakeContext, loadFixture, localExtract } from './capture-fixture';

const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrXkTmZqLwPvRkGjhSbTnCsx';
const MAYA_CODE = '#PtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA/2O76UMFxFkM/R5Kjp1vRt+1f';
const local = (y: number, m: number, d: number, h: number, min: number) => new Date(y, m - 1, d, h, min).getTime();

const running: { invalidate(): void }[] = [];
afterEach(() => running.splice(0).forEach((ctx) => ctx.invalidate()));

function start(url = THREAD_URL, alreadySaved: string[] = []) {
  const ctx = fakeContext();
  running.push(ctx);
  const bg = fakeBackground(alreadySaved);
  const log = { warn: vi.fn() };
  const capture = startCapture(ctx, { site: gmailSite(() => url), send: bg.send, log, pageUrl: () => url, batchMs: 0, recogniseWithinMs: 50 });
  return { ctx, bg, log, capture };
}

describe('Gmail adapter on a saved thread', () => {
  beforeEach(() => loadFixture('gmail/thread.html'));

  it('reads expanded messages only, with sender, subject, sent date and a link back', () => {
    const units = gmailSite(() => THREAD_URL).findUnits(document);
    expect(units).toHaveLength(2); // the collapsed first message (div.kv) has no body
    // The page sends the date as Gmail prints it (narrow no-break space before AM); the background reads it.
    expect(units[0].meta().sentAtText).toEqual({ texts: ['Fri, Nov 20, 2026, 10:14\u202fAM'], now: expect.any(Number) });
    expect(asSaved(units[0].meta())).toEqual({
      senderName: 'Maya Lopez',
      senderEmail: 'maya@mayacreates.co',
      subject: 'Spark Ads code for the hydration bottle video',
      sentAt: local(2026, 11, 20, 10, 14),
      url: THREAD_URL,
      messageId: '19b4c1d2e3f40a11',
    });
  });

  it('finds the code with its stated period, handle and video, and sees the reply only quotes it', async () => {
    const units = gmailSite(() => THREAD_URL).findUnits(document);
    const [first, reply] = await Promise.all(units.map(async (u) => (await findCodes(u, localExtract)).codes));
    expect(first).toMatchObject([
      { code: MAYA_CODE, periodDays: 60, creatorHandle: '@maya.creates', postUrl: 'https://www.tiktok.com/@maya.creates/video/7439182736451029384', quotedOnly: false },
    ]);
    expect(reply).toMatchObject([{ code: MAYA_CODE, quotedOnly: true }]);
  });
});

describe('Gmail capture', () => {
  afterEach(() => vi.useRealTimers());

  it('puts one Save control beside the code, not a second one for the quoted copy', async () => {
    loadFixture('gmail/thread.html');
    const { capture } = start();
    await capture.scan();
    const roots = controlRoots();
    expect(roots).toHaveLength(1);
    const [save] = buttonsIn(roots[0]);
    expect(save.getAttribute('aria-label')).toMatch(/^Save ad code #PtYgjmUh/);
    expect(roots[0].querySelector('.bar')?.textContent).toContain('@maya.creates · 60 days · video linked');
    // Beside the message it belongs to: right above Maya's body.
    const host = document.querySelector('[data-ad-code-keeper]')!;
    expect(host.nextElementSibling?.classList.contains('a3s')).toBe(true);
    expect(host.closest('.adn')?.getAttribute('data-legacy-message-id')).toBe('19b4c1d2e3f40a11');
  });

  it('adds nothing twice when the page keeps changing', async () => {
    loadFixture('gmail/thread.html');
    const { capture } = start();
    await capture.scan();
    document.querySelector('.G-atb .cnt')!.textContent = '2 of 124';
    await capture.scan();
    await capture.scan();
    expect(controlRoots()).toHaveLength(1);
  });

  it('shows "Saved" straight away on a later visit', async () => {
    loadFixture('gmail/thread.html');
    const { capture } = start(THREAD_URL, [MAYA_CODE]);
    await capture.scan();
    const root = controlRoots()[0];
    expect(buttonsIn(root)).toHaveLength(0);
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Saved');
  });

  it('ignores clicks a page script fakes (event.isTrusted is false)', async () => {
    loadFixture('gmail/thread.html');
    const { capture, bg } = start();
    await capture.scan();
    buttonsIn(controlRoots()[0])[0].click();
    buttonsIn(controlRoots()[0])[0].dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 10));
    expect(bg.send).not.toHaveBeenCalledWith('saveCodes', expect.anything());
  });

  it('gives each of several codes its own row and details, plus "Save all", and none to a message without codes', async () => {
    loadFixture('gmail/multi.html');
    const { capture } = start();
    await capture.scan();
    const roots = controlRoots();
    expect(roots).toHaveLength(1);
    expect(roots[0].host.closest('.adn')?.querySelector('.gD')?.getAttribute('name')).toBe('Dani Reyes');
    const rows = [...roots[0].querySelectorAll('.row')].map((r) => r.textContent);
    expect(rows).toEqual([
      expect.stringContaining('@dani.moves · 30 days'),
      expect.stringContaining('@leo.lifts · 7 days'),
      expect.stringContaining('@dani.moves · 365 days'),
    ]);
    expect(buttonsIn(roots[0]).map((b) => b.textContent)).toEqual(['Save all', 'Save', 'Save', 'Save']);
    expect(buttonsIn(roots[0])[0].getAttribute('aria-label')).toBe('Save all codes in this message');
  });

  it('offers to open a clipped message, with or without a code in its visible part', async () => {
    loadFixture('gmail/clipped.html');
    const { capture } = start();
    await capture.scan();
    const roots = controlRoots();
    expect(roots).toHaveLength(2);
    expect(roots[0].querySelector('.bar')?.textContent).toContain('more codes may be in the part Gmail hides');
    expect(roots[1].querySelector('.bar')?.textContent).toContain('an ad code may be in the part Gmail hides');
    expect(buttonsIn(roots[1]).map((b) => b.textContent)).toEqual(['Open entire message']);
  });

  it('reads the entire-message page (view=lg)', async () => {
    loadFixture('gmail/full-view.html');
    const url = 'https://mail.google.com/mail/u/0?ui=2&ik=4f2a9c1e07&view=lg&permmsgid=msg-f:1851400000000000002';
    const [unit] = gmailSite(() => url).findUnits(document);
    expect(asSaved(unit.meta())).toMatchObject({ senderName: 'Ana Souza', senderEmail: 'ana@anasouza.com.br', subject: 'Media kit + unboxing ad code', sentAt: local(2026, 11, 23, 8, 40) });
    expect((await findCodes(unit, localExtract)).codes).toMatchObject([{ code: '#1zTOlUcR64cXQLioDnkHIfxIq2HZt/PlJhx2jIclHkCiHp6bR1IqfEouHgxzNNAL', periodDays: 60 }]);
  });

  it('works in the reading pane and in a pop-out window', async () => {
    for (const [file, url] of [
      ['gmail/split.html', 'https://mail.google.com/mail/u/0/#inbox'],
      ['gmail/popout.html', 'https://mail.google.com/mail/u/0/popout?ver=1&search=inbox&th=%23thread-f%3A1851234567890123456'],
    ]) {
      loadFixture(file);
      const { capture, ctx } = start(url);
      await capture.scan();
      expect(controlRoots()).toHaveLength(1);
      const [unit] = gmailSite(() => url).findUnits(document);
      expect(unit.meta()).toMatchObject({ subject: 'Spark Ads code for the hydration bottle video', url });
      ctx.invalidate();
    }
  });

  it('does nothing on a layout it does not know, and says so once', async () => {
    loadFixture('gmail/unknown-layout.html');
    const { capture, log } = start();
    await capture.scan();
    await new Promise((r) => setTimeout(r, 80));
    await capture.scan();
    expect(controlRoots()).toHaveLength(0);
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(log.warn.mock.calls[0][0]).toMatch(/layout not recognised/);
  });

  it('keeps working when only the app shell changes but messages are still readable', async () => {
    loadFixture('gmail/thread.html');
    const { capture, log } = start();
    await capture.scan();
    document.querySelector('div[role="main"]')!.removeAttribute('role');
    document.querySelector('.nH.bkK')!.className = 'x-new';
    await capture.scan();
    expect(controlRoots()).toHaveLength(1);
    expect(log.warn).not.toHaveBeenCalled();
  });

  it('removes its controls, with one warning, when the layout changes under it', async () => {
    loadFixture('gmail/thread.html');
    const { capture, log } = start();
    await capture.scan();
    expect(controlRoots()).toHaveLength(1);
    document.querySelector('div[role="main"]')!.removeAttribute('role');
    document.querySelector('.nH.bkK')!.className = 'x-new';
    for (const m of document.querySelectorAll('[data-message-id], [data-legacy-message-id]')) {
      m.removeAttribute('data-message-id');
      m.removeAttribute('data-legacy-message-id');
      m.className = 'x-msg';
    }
    await capture.scan();
    await capture.scan();
    expect(controlRoots()).toHaveLength(0);
    expect(log.warn).toHaveBeenCalledTimes(1);
  });

  it('leaves no UI behind when WXT invalidates the script (extension updated)', async () => {
    loadFixture('gmail/thread.html');
    const { capture, ctx } = start();
    await capture.scan();
    ctx.invalidate();
    expect(document.querySelectorAll('[data-ad-code-keeper]')).toHaveLength(0);
    await capture.scan();
    expect(document.querySelectorAll('[data-ad-code-keeper]')).toHaveLength(0);
  });

  it('a burst of page changes costs one scan, and unchanged messages are not read again', async () => {
    loadFixture('gmail/thread.html');
    const ctx = fakeContext();
    running.push(ctx);
    const bg = fakeBackground();
    startCapture(ctx, { site: gmailSite(() => THREAD_URL), send: bg.send, pageUrl: () => THREAD_URL, batchMs: 20, log: { warn: vi.fn() } });
    const reads = () => bg.send.mock.calls.filter(([type]) => type === 'findCodes').length;
    await vi.waitFor(() => expect(controlRoots()).toHaveLength(1));
    expect(reads()).toBe(2); // two expanded messages, one round trip each
    const toolbar = document.querySelector('.G-atb')!;
    for (let i = 0; i < 200; i++) toolbar.append(document.createElement('span'));
    await new Promise((r) => setTimeout(r, 150));
    expect(reads()).toBe(2);
    // Gmail expands the collapsed first message: only that one is read.
    const expanded = document.querySelector('.adn')!.cloneNode(true) as Element;
    expanded.querySelector('[data-ad-code-keeper]')?.remove();
    expanded.setAttribute('data-legacy-message-id', '19b4c1aaaaaaaaaa');
    expanded.querySelector('.a3s')!.replaceChildren('Sure! Spark code (7 days): #ZYn9ZhyiA4uoRgnatmUdjAWtGSU8po+799NksnRH9ucAUsdMlHUvTCQCyEZDz/Td');
    document.querySelector('.kv')!.replaceWith(expanded);
    await vi.waitFor(() => expect(controlRoots()).toHaveLength(2));
    expect(reads()).toBe(3);
    expect(controlRoots().map((r) => r.querySelector('.detail')?.textContent)).toEqual([expect.stringContaining('7 days'), expect.stringContaining('60 days')]);
    ctx.invalidate();
  });

  it('stops watching the page while the tab is hidden, and catches up when it is shown', async () => {
    loadFixture('gmail/thread.html');
    let state: DocumentVisibilityState = 'visible';
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
    try {
      const ctx = fakeContext();
      running.push(ctx);
      const bg = fakeBackground();
      startCapture(ctx, { site: gmailSite(() => THREAD_URL), send: bg.send, pageUrl: () => THREAD_URL, batchMs: 10, log: { warn: vi.fn() } });
      await vi.waitFor(() => expect(controlRoots()).toHaveLength(1));
      state = 'hidden';
      document.dispatchEvent(new Event('visibilitychange'));
      const calls = bg.send.mock.calls.length;
      document.querySelector('.a3s')!.append(' And a second video: #ZYn9ZhyiA4uoRgnatmUdjAWtGSU8po+799NksnRH9ucAUsdMlHUvTCQCyEZDz/Td');
      await new Promise((r) => setTimeout(r, 60));
      expect(bg.send.mock.calls.length).toBe(calls);
      state = 'visible';
      document.dispatchEvent(new Event('visibilitychange'));
      await vi.waitFor(() => expect(controlRoots()[0].querySelectorAll('.row')).toHaveLength(2));
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
    }
  });

  it('stays idle outside /mail/ pages', async () => {
    loadFixture('gmail/thread.html');
    const { capture } = start('https://mail.google.com/chat/u/0/');
    await capture.scan();
    expect(controlRoots()).toHaveLength(0);
  });
});

describe("Gmail's real traps (tests/fixtures/gmail/real-traps.html)", () => {
  const SECOND = '#DJRzVT668Nyu0t+aT0ewkMVHrmcBNfYWunksXQHNfyuLLKTrXyb92TvdwOsudoaV';

  it('never reads the hidden empty twin, wherever it sits, and never gives it a control', () => {
    loadFixture('gmail/real-traps.html');
    const units = gmailSite(() => THREAD_URL).findUnits(document);
    expect(units).toHaveLength(3);
    for (const u of units) {
      expect(u.segments[0].classList.contains('undefined')).toBe(false);
      expect(u.segments[0].textContent?.trim()).not.toBe('');
    }
  });

  it('exactly one control per real code: trimmed content (div.ajR then div.im) is a quote', async () => {
    loadFixture('gmail/real-traps.html');
    const { capture } = start();
    await capture.scan();
    const roots = controlRoots();
    const labels = roots.flatMap((r) => buttonsIn(r).map((b) => b.getAttribute('aria-label') ?? b.textContent));
    expect(labels.filter((l) => l?.startsWith('Save ad code #PtYgjmUh'))).toHaveLength(1);
    expect(labels.filter((l) => l?.startsWith('Save ad code #DJRzVT66'))).toHaveLength(1);
    expect(roots).toHaveLength(2);
    // The clipped message offers the entire message, in words that name the site.
    expect(roots[1].textContent).toContain('more codes may be in the part Gmail hides');
    expect(labels).toContain('Open entire message');
  });

  it('reads the thread shell id (#msg-f:…) and the clipped link of the third message', () => {
    loadFixture('gmail/real-traps.html');
    const third = gmailSite(() => THREAD_URL).findUnits(document)[2];
    expect(third.clippedLink).toMatch(/view=lg&permmsgid=msg-f:1851234612345678901$/);
    expect(third.meta().messageId).toBe('19b4c2a0b1c2d3e4');
  });

  it('a collapsed message (div.kv) has no body: nothing until it is opened, then one control', async () => {
    loadFixture('gmail/real-traps.html');
    document.querySelectorAll('.adn').forEach((m) => m.remove());
    const { capture } = start();
    await capture.scan();
    expect(controlRoots()).toHaveLength(0);
    // Opening it: Gmail puts the message shell with its body (and its hidden twin) in place.
    const opened = document.createElement('div');
    opened.className = 'adn ads';
    opened.setAttribute('data-message-id', '#msg-f:1851234500000000001');
    opened.innerHTML = `<div class="ii gt" style="display:none"><div class="a3s aiL undefined"></div></div><div class="ii gt"><div class="a3s aiL ">Code: ${SECOND} for 30 days</div></div>`;
    document.querySelector('.h7')!.append(opened);
    await capture.scan();
    expect(controlRoots()).toHaveLength(1);
  });
});
