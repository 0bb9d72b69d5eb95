// The Ads Manager helper against a hostile or unlucky page: a spying page script, clickjacking,
// a field that vanishes mid-fill, and an extension update under an open page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './harness.mjs';
import { CODES, OTHER_AADVID, fillButton, openAdsPage, overlayShown, pickerFrame, seedAdsCodes } from '../fixtures/ads-manager/e2e-helpers.mjs';

let ext;
before(async () => {
  ext = await launch();
  await seedAdsCodes(ext);
});
after(async () => ext?.close());

const bodies = Object.fromEntries(Object.entries(CODES).map(([k, c]) => [k, c.code.slice(1)]));

/** Everything a page script can observe, gathered continuously from the main world. */
function spy() {
  const s = (window.__spy = { seen: [], messages: [], frameErrors: new Set() });
  addEventListener('message', (e) => s.messages.push(typeof e.data === 'string' ? e.data : JSON.stringify(e.data)), true);
  const collect = () => {
    const parts = [document.documentElement?.outerHTML ?? ''];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if ('value' in el && el.value) parts.push(String(el.value));
        if (el.shadowRoot) {
          parts.push(el.shadowRoot.innerHTML);
          walk(el.shadowRoot);
        }
      }
    };
    walk(document);
    for (let i = 0; i < window.frames.length; i++) {
      try {
        parts.push(window.frames[i].document.documentElement.outerHTML);
      } catch (e) {
        s.frameErrors.add(e.name);
      }
    }
    parts.push(JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage }), document.cookie);
    s.seen.push(parts.join('\n'));
    if (s.seen.length > 400) s.seen.splice(0, 200);
  };
  setInterval(collect, 25);
  new MutationObserver(collect).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

async function spyReport(page, body) {
  return page.evaluate((b) => ({
    inDom: window.__spy.seen.some((t) => t.includes(b)),
    inMessages: window.__spy.messages.some((m) => m.includes(b)),
    frameErrors: [...window.__spy.frameErrors],
    framesReachable: window.frames.length,
    extensionUrlSeen: window.__spy.seen.some((t) => t.includes('chrome-extension://')),
  }), body);
}

const anyFieldHolds = (page, code) =>
  page.evaluate((c) => [...document.querySelectorAll('input, textarea')].some((el) => el.value.includes(c)), code);

test('a spying page script sees no saved code, and after a fill only the one the user picked', async () => {
  const page = await openAdsPage(ext, '', { init: spy });
  await page.getByRole('button', { name: '+ Authorize TikTok Post' }).click();
  const frame = await pickerFrame(page);
  assert.equal(await frame.locator('.row').count(), 3, 'the list is showing the codes to the user');
  await page.waitForTimeout(200);
  for (const [name, body] of Object.entries(bodies)) {
    const r = await spyReport(page, body);
    assert.deepEqual([r.inDom, r.inMessages], [false, false], `${name}'s code is invisible to the page`);
  }
  // The frame element is findable (open shadow root, for assistive technology), but it is not
  // among window.frames and its document is cross-origin: the page cannot read what it shows.
  const reach = await spyReport(page, 'x');
  assert.equal(reach.framesReachable, 0);
  const readable = await page.evaluate(() => {
    const frame = document.querySelector('ad-code-keeper-picker').shadowRoot.querySelector('iframe');
    try {
      return frame.contentWindow.document.body.innerText;
    } catch (e) {
      return e.name;
    }
  });
  assert.equal(readable, 'SecurityError');

  await fillButton(frame, '@leo.fit').click();
  await page.waitForFunction((code) => document.querySelector('[role=dialog] input')?.value === code, CODES.leo.code);
  await page.waitForTimeout(200);
  assert.equal((await spyReport(page, bodies.leo)).inDom, true, 'the filled code is in the page, as it must be');
  for (const name of ['mia', 'zoe', 'old']) {
    const r = await spyReport(page, bodies[name]);
    assert.deepEqual([r.inDom, r.inMessages], [false, false], `${name}'s code never reached the page`);
  }
  await page.close();
});

test("a page that embeds the picker itself, with a made-up secret, gets no codes", async () => {
  const page = await openAdsPage(ext, 'flow=other');
  const url = ext.extensionUrl('code-picker.html');
  await page.evaluate(async (src) => {
    const f = document.createElement('iframe');
    f.src = src;
    f.style.cssText = 'position:fixed;right:0;bottom:0;width:380px;height:300px';
    document.body.append(f);
    await new Promise((r) => f.addEventListener('load', r, { once: true }));
    f.contentWindow.postMessage({ type: 'init', token: 'AAAAAAAAAAAAAAAAAAAAAAAA', context: { kind: 'single', present: [] } }, '*');
  }, url);
  const evil = page.frames().find((f) => f.url().includes('code-picker.html'));
  await evil.getByRole('alert').waitFor();
  assert.match(await evil.getByRole('alert').innerText(), /lost its connection/);
  assert.equal(await evil.locator('.row').count(), 0);
  await page.close();
});

/** A page script that introduces itself to the picker frame first, and keeps doing so, with a made-up secret. */
function forgeIntroductions() {
  const forged = { type: 'init', token: 'AAAAAAAAAAAAAAAAAAAAAAAA', context: { kind: 'single', present: [] } };
  const flood = (frame) => {
    const post = () => frame.contentWindow?.postMessage(forged, '*');
    frame.addEventListener('load', post);
    const timer = setInterval(post, 2);
    setTimeout(() => clearInterval(timer), 4000);
    post();
  };
  new MutationObserver(() => {
    const frame = document.querySelector('ad-code-keeper-picker')?.shadowRoot?.querySelector('iframe');
    if (frame && !frame.dataset.flooded) {
      frame.dataset.flooded = '1';
      flood(frame);
    }
  }).observe(document, { subtree: true, childList: true });
}

test('a page that posts a forged introduction to the picker first does not break the helper', async () => {
  const page = await openAdsPage(ext, '', { aadvid: OTHER_AADVID, init: forgeIntroductions });
  await page.getByRole('button', { name: '+ Authorize TikTok Post' }).click();
  const frame = await pickerFrame(page);
  assert.equal(await frame.getByRole('alert').count(), 0, 'no "lost its connection" message');
  assert.equal(await frame.locator('.row').count(), 3, 'the list shows the usable codes');
  await page.waitForTimeout(400);
  await fillButton(frame, '@leo.fit').click();
  await page.waitForFunction((code) => document.querySelector('[role=dialog] input')?.value === code, CODES.leo.code);
  await page.close();
});

const ATTACKS = {
  'made transparent': `ad-code-keeper-picker { opacity: 0 !important }`,
  'moved partly off-screen': `ad-code-keeper-picker { left: -150px !important }`,
};

for (const [attack, css] of Object.entries(ATTACKS)) {
  test(`clickjacking: the list refuses to fill when the page has ${attack}`, async () => {
    const page = await openAdsPage(ext, '', { aadvid: OTHER_AADVID });
    await page.getByRole('button', { name: '+ Authorize TikTok Post' }).click();
    const frame = await pickerFrame(page);
    await page.addStyleTag({ content: css });
    await page.waitForTimeout(150);
    await fillButton(frame, '@leo.fit').click({ force: true });
    await frame.getByRole('alert').waitFor();
    // The hidden list still tells why, for when the user opens it again.
  await frame.waitForFunction(() => /Nothing was filled/.test(document.querySelector('.msg-error')?.textContent ?? ''));
    assert.equal(await anyFieldHolds(page, CODES.leo.code), false);
    await page.close();
  });
}

test('clickjacking: a see-through decoy laid over the list blocks the fill; removing it lets the user fill', async () => {
  const page = await openAdsPage(ext, '', { aadvid: OTHER_AADVID });
  await page.getByRole('button', { name: '+ Authorize TikTok Post' }).click();
  const frame = await pickerFrame(page);
  // A decoy above the list (top layer, after it) that lets clicks through to the list below.
  await page.evaluate(() => {
    const d = document.createElement('div');
    d.id = 'decoy';
    d.popover = 'manual';
    d.textContent = 'Claim your free gift!';
    d.style.cssText = 'inset:0;width:100vw;height:100vh;margin:0;border:0;background:#fff;pointer-events:none;font-size:40px';
    document.body.append(d);
    d.showPopover();
  });
  await page.waitForTimeout(300);
  await fillButton(frame, '@leo.fit').click({ force: true });
  await frame.getByRole('alert').waitFor();
  assert.match(await frame.getByRole('alert').innerText(), /hiding or covering/);
  assert.equal(await anyFieldHolds(page, CODES.leo.code), false);

  await page.evaluate(() => document.getElementById('decoy').remove());
  await frame.waitForFunction(() => document.querySelector('.picker')?.dataset.armed === 'true');
  await fillButton(frame, '@leo.fit').click();
  await page.waitForFunction((code) => document.querySelector('[role=dialog] input')?.value === code, CODES.leo.code);
  await page.close();
});

test('the field disappearing mid-fill fills nothing anywhere', async () => {
  const page = await openAdsPage(ext, '', { aadvid: OTHER_AADVID });
  await page.getByRole('button', { name: '+ Authorize TikTok Post' }).click();
  const frame = await pickerFrame(page);
  // The moment the user clicks into the list, the page closes its dialog.
  await page.evaluate(() => addEventListener('blur', () => document.querySelector('[role=dialog] button[aria-label=Close]')?.click(), { once: true }));
  await fillButton(frame, '@leo.fit').click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await page.waitForTimeout(300);
  assert.equal(await anyFieldHolds(page, CODES.leo.code), false);
  assert.equal(await overlayShown(page), false, 'the list goes away with its field');
  // The hidden list still tells why, for when the user opens it again.
  await frame.waitForFunction(() => /Nothing was filled/.test(document.querySelector('.msg-error')?.textContent ?? ''));
  await page.close();
});

test('after an extension update the old overlay removes itself from the open page', async () => {
  const page = await openAdsPage(ext);
  await page.getByRole('button', { name: '+ Authorize TikTok Post' }).click();
  await pickerFrame(page);
  assert.equal(await page.locator('ad-code-keeper-picker, ad-code-keeper-button').count(), 2);
  await ext.worker.evaluate(() => chrome.runtime.reload());
  await page.waitForFunction(() => !document.querySelector('ad-code-keeper-picker, ad-code-keeper-button'), null, { timeout: 5000 });
  // The page itself keeps working.
  await page.getByRole('dialog').getByRole('textbox').fill('typed by hand');
  assert.equal(await page.getByRole('dialog').getByRole('textbox').inputValue(), 'typed by hand');
});
