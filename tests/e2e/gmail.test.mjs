// Gmail capture in real Chromium: route-served fixture pages with Gmail's Trusted Types CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { EXTENSION_DIR, fixture, launch, savedCodes } from './harness.mjs';

const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrXkTmZqLwPvRkGjhSbTnCsx';
const MAYA_CODE = '#PtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA/2O76UMFxFkM/R5Kjp1vRt+1f';
/** What Gmail sends: pages must build DOM without HTML strings. */
const GMAIL_CSP = { 'content-security-policy': "require-trusted-types-for 'script'; object-src 'none'; base-uri 'self'" };

const local = (y, m, d, h, min) => new Date(y, m - 1, d, h, min).getTime();
const plusDays = (t, days) => {
  const d = new Date(t);
  d.setDate(d.getDate() + days);
  return d.getTime();
};

let ext;
before(async () => {
  ext = await launch();
  // One fixture per Gmail page; the query string picks it (Gmail's own URLs keep the hash).
  await ext.serve('https://mail.google.com/**', (req) => {
    const url = new URL(req.url());
    if (url.searchParams.get('view') === 'lg') return fixture('gmail/full-view.html');
    return fixture(`gmail/${url.searchParams.get('fixture') ?? 'thread'}.html`);
  }, GMAIL_CSP);
});
after(async () => ext?.close());

async function open(url) {
  const page = await ext.context.newPage();
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && m.text().includes('Ad Code Keeper') && warnings.push(m.text()));
  await page.goto(url);
  return { page, warnings };
}

const codeOf = (records, code) => records.find((r) => r.code === code);

test('thread: one Save control beside the code; one click saves it with everything the mail says', async () => {
  const { page } = await open(THREAD_URL);
  // The page really enforces Trusted Types: an HTML string assignment throws.
  const enforced = await page.evaluate(() => {
    try {
      document.createElement('div').innerHTML = '<b>x</b>';
      return false;
    } catch {
      return true;
    }
  });
  assert.ok(enforced, 'fixture is served with require-trusted-types-for');

  const save = page.getByRole('button', { name: /Save/ });
  await save.first().waitFor();
  assert.equal(await save.count(), 1, 'the quoted copy in the reply gets no second control');
  assert.match(await save.getAttribute('aria-label'), /^Save ad code #PtYgjmUh/);
  // Right beside Maya's message, above its body.
  const placed = await page.evaluate(() => {
    const host = document.querySelector('[data-ad-code-keeper]');
    return { inMessage: host.closest('.adn')?.getAttribute('data-legacy-message-id'), beforeBody: host.nextElementSibling?.classList.contains('a3s') };
  });
  assert.deepEqual(placed, { inMessage: '19b4c1d2e3f40a11', beforeBody: true });

  await save.click();
  await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

  const record = codeOf(await savedCodes(ext), MAYA_CODE);
  assert.ok(record, 'the code is in the vault');
  const sent = local(2026, 11, 20, 10, 14);
  assert.deepEqual(
    {
      periodDays: record.periodDays,
      periodAssumed: record.periodAssumed,
      receivedAt: record.receivedAt,
      expiresAt: record.expiresAt,
      creatorHandle: record.creatorHandle,
      postUrl: record.postUrl,
      source: record.source,
    },
    {
      periodDays: 60,
      periodAssumed: false,
      receivedAt: sent,
      expiresAt: plusDays(sent, 60),
      creatorHandle: '@maya.creates',
      postUrl: 'https://www.tiktok.com/@maya.creates/video/7439182736451029384',
      source: {
        kind: 'gmail',
        senderName: 'Maya Lopez',
        senderEmail: 'maya@mayacreates.co',
        subject: 'Spark Ads code for the hydration bottle video',
        url: THREAD_URL,
        messageId: '19b4c1d2e3f40a11',
      },
    },
  );

  // A later visit says it is saved, without a Save button.
  await page.reload();
  await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  assert.equal(await page.getByRole('button', { name: /Save ad code/ }).count(), 0);
  assert.deepEqual(ext.blocked, [], 'no network request left the browser');
  await page.close();
});

test('several codes: each row has its own period, handle and video; "Save all" works from the keyboard', async () => {
  const { page } = await open('https://mail.google.com/mail/u/0/?fixture=multi#inbox/FMfcgzQbfLzWqRtVbNmKcXjHgDsPqLwe');
  const saveAll = page.getByRole('button', { name: 'Save all codes in this message' });
  await saveAll.waitFor();
  assert.equal(await page.getByRole('button', { name: /^Save ad code/ }).count(), 3);
  await saveAll.focus();
  await page.keyboard.press('Enter');
  await page.getByText('all 3 codes saved').waitFor();

  const records = await savedCodes(ext);
  const pick = (code) => {
    const r = codeOf(records, code);
    return r && [r.periodDays, r.creatorHandle, r.postUrl?.split('/video/')[1], r.source.senderName];
  };
  assert.deepEqual(pick('#jORS/6ilI8ihN5KXSc7Tvo/hBKqFYY/kv5ZJr3J1TWDtkwtDDb+xHKas1VOqg6YY'), [30, '@dani.moves', '7440011122233344455', 'Dani Reyes']);
  assert.deepEqual(pick('#ZYn9ZhyiA4uoRgnatmUdjAWtGSU8po+799NksnRH9ucAUsdMlHUvTCQCyEZDz/Td'), [7, '@leo.lifts', '7440099988877766655', 'Dani Reyes']);
  // This one was wrapped over two lines in the mail.
  assert.deepEqual(pick('#dJ8HyS5SUkCnD8zRA9a9SkpXz9w3QlY7Zkuvqdt7s8Stqcbnr3yBdGBLEPH1qhT6'), [365, '@dani.moves', '7440123456789012345', 'Dani Reyes']);
  // Priya's message has only hashtags: no control there.
  assert.equal(await page.locator('.adn').first().locator('[data-ad-code-keeper]').count(), 0);
  await page.close();
});

test('a script on the page cannot save by clicking for the user', async () => {
  const { page } = await open('https://mail.google.com/mail/u/0/?fixture=clipped#inbox/FMfcgzQbgHkLmNpQrStUvWxYzAbCdEfG');
  await page.getByRole('button', { name: /^Save ad code/ }).waitFor();
  // Runs in the page's own world, like Gmail's scripts (or an attacker's) would.
  await page.addScriptTag({ content: `document.querySelectorAll('[data-ad-code-keeper]').forEach((h) => h.shadowRoot.querySelectorAll('button').forEach((b) => { b.click(); b.dispatchEvent(new MouseEvent('click', { bubbles: true })); }));` }).catch(() =>
    // Trusted Types blocks inline script tags; evaluate does the same from the main world.
    page.evaluate(() => document.querySelectorAll('[data-ad-code-keeper]').forEach((h) => h.shadowRoot.querySelectorAll('button').forEach((b) => b.click()))),
  );
  await page.waitForTimeout(500);
  const records = await savedCodes(ext);
  assert.equal(codeOf(records, '#1qtc4xatws8phP9nhFyJfm5di4PzJ59FHz5r1pY4OjE2jBMptUsGr7CmY+uCu3ZR'), undefined);
  assert.equal(await page.getByRole('button', { name: /^Save ad code/ }).count(), 1, 'still unsaved');
  await page.close();
});

test('clipped message: says the code may be hidden, opens the entire message, and saves from there', async () => {
  const { page } = await open('https://mail.google.com/mail/u/0/?fixture=clipped#inbox/FMfcgzQbgHkLmNpQrStUvWxYzAbCdEfG');
  const notes = page.getByText('an ad code may be in the part Gmail hides');
  await notes.waitFor();
  const [full] = await Promise.all([
    ext.context.waitForEvent('page'),
    page.getByRole('button', { name: 'Open entire message' }).nth(1).click(),
  ]);
  await full.waitForLoadState();
  assert.match(full.url(), /view=lg/);
  const save = full.getByRole('button', { name: /^Save ad code/ });
  await save.waitFor();
  await save.click();
  await full.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  const r = codeOf(await savedCodes(ext), '#1zTOlUcR64cXQLioDnkHIfxIq2HZt/PlJhx2jIclHkCiHp6bR1IqfEouHgxzNNAL');
  assert.deepEqual([r.periodDays, r.creatorHandle, r.receivedAt, r.source.senderEmail, r.source.subject], [60, '@ana.souza', local(2026, 11, 23, 8, 40), 'ana@anasouza.com.br', 'Media kit + unboxing ad code']);
  assert.match(r.source.url, /view=lg/);
  await full.close();
  await page.close();
});

test('reading pane and pop-out window get controls too', async () => {
  for (const url of ['https://mail.google.com/mail/u/0/?fixture=split#inbox', 'https://mail.google.com/mail/u/0/popout?fixture=popout&th=%23thread-f%3A1851234567890123456']) {
    const { page } = await open(url);
    await page.locator('[data-ad-code-keeper]').first().waitFor({ state: 'attached' });
    assert.equal(await page.locator('[data-ad-code-keeper]').count(), 1, url);
    await page.close();
  }
});

test('an unknown Gmail layout: nothing added, one warning, page intact', async () => {
  const { page, warnings } = await open('https://mail.google.com/mail/u/0/?fixture=unknown-layout#inbox/x');
  await page.waitForTimeout(11_000); // the script gives Gmail 10 s to show a layout it knows
  assert.equal(await page.locator('[data-ad-code-keeper]').count(), 0);
  assert.equal(warnings.length, 1, JSON.stringify(warnings));
  assert.match(warnings[0], /layout not recognised/);
  assert.match(await page.textContent('article'), /Spark code, 60 days/);
  await page.close();
});

test('the Gmail content script stays tiny (no React, no zod)', () => {
  const dir = path.join(EXTENSION_DIR, 'content-scripts');
  const sizes = Object.fromEntries(readdirSync(dir).map((f) => [f, statSync(path.join(dir, f)).size]));
  for (const name of ['gmail.js', 'outlook.js', 'instagram.js', 'tiktok-dm.js']) {
    assert.ok(sizes[name] !== undefined, `${name} is built`);
    assert.ok(sizes[name] < 25 * 1024, `${name} is ${sizes[name]} bytes`);
  }
});
