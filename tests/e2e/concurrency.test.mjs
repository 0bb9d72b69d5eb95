// The same code saved from two places at the same moment must end up as one record (the vault's
// unique code index and one transaction per save), and both places must say "Saved".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, launch, makeCode, savedCodes } from './harness.mjs';

const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrXkTmZqLwPvRkGjhSbTnCsx';
const MAYA_CODE = '#PtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA/2O76UMFxFkM/R5Kjp1vRt+1f';
const GMAIL_CSP = { 'content-security-policy': "require-trusted-types-for 'script'; object-src 'none'; base-uri 'self'" };

let ext;
before(async () => {
  ext = await launch();
  await ext.serve('https://mail.google.com/**', fixture('gmail/thread.html'), GMAIL_CSP);
});
after(async () => ext?.close());

test('two Gmail tabs click Save on the same code at the same moment: one record, both say Saved', async () => {
  const tabs = await Promise.all([ext.context.newPage(), ext.context.newPage()]);
  await Promise.all(tabs.map((p) => p.goto(THREAD_URL)));
  const buttons = tabs.map((p) => p.getByRole('button', { name: /^Save ad code #PtYgjmUh/ }));
  await Promise.all(buttons.map((b) => b.waitFor()));

  await Promise.all(buttons.map((b) => b.click()));
  await Promise.all(tabs.map((p) => p.getByRole('status').filter({ hasText: 'Saved' }).waitFor()));

  const records = (await savedCodes(ext)).filter((r) => r.code === MAYA_CODE);
  assert.equal(records.length, 1, 'exactly one record');
  assert.equal(records[0].periodDays, 60, 'with what the mail says');
  assert.equal(records[0].creatorHandle, '@maya.creates');
  for (const p of tabs) await p.close();
});

test('twelve pages saving the same five codes at once: five records, each saved once and merged after', async () => {
  const codes = [1, 2, 3, 4, 5].map((s) => makeCode(100 + s));
  const pages = await Promise.all(Array.from({ length: 12 }, () => ext.context.newPage()));
  await Promise.all(pages.map((p) => p.goto(ext.extensionUrl('popup.html'))));
  // Every page sends at the same wall-clock instant, so the saves really overlap in the background.
  const at = Date.now() + 800;
  const replies = await Promise.all(
    pages.map((p, i) =>
      p.evaluate(
        ({ at, codes, i }) =>
          new Promise((resolve) =>
            setTimeout(
              () =>
                chrome.runtime.sendMessage(
                  {
                    id: i,
                    type: 'saveCodes',
                    // Each page knows something different about the codes: the merge keeps the first answer per field.
                    data: { captures: codes.map((code) => ({ code, periodDays: 30, notes: `note ${i}: from this page`, source: { kind: 'paste' } })) },
                    timestamp: Date.now(),
                  },
                  resolve,
                ),
              Math.max(0, at - Date.now()),
            ),
          ),
        { at, codes, i },
      ),
    ),
  );

  for (const r of replies) assert.ok(r?.res, `every page got an answer: ${JSON.stringify(r?.err)}`);
  const outcomes = codes.map((code) => replies.map((r) => r.res.find((x) => x.code === code).outcome));
  for (const [k, o] of outcomes.entries()) {
    assert.equal(o.filter((x) => x === 'saved').length, 1, `code ${k + 1} saved exactly once`);
    assert.equal(o.filter((x) => x === 'updated').length, 11, `code ${k + 1} merged by the other eleven`);
  }
  const stored = (await savedCodes(ext)).filter((r) => codes.includes(r.code));
  assert.equal(stored.length, 5);
  for (const r of stored) assert.equal(r.notes.split('\n').length, 12, 'no page’s note was lost to the race');
  for (const p of pages) await p.close();
});
