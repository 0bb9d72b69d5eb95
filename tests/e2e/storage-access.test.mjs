// The vault asks to be kept under storage pressure, and the options page says whether it is.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './harness.mjs';

let ext;
before(async () => {
  ext = await launch();
});
after(async () => ext?.close());

test('the options page says whether the browser keeps the vault under storage pressure', async () => {
  const page = await ext.context.newPage();
  await page.goto(ext.extensionUrl('options.html'));
  await page.getByRole('heading', { name: 'Storage' }).waitFor();
  const text = await page.getByRole('heading', { name: 'Storage' }).locator('xpath=..').innerText();
  assert.match(text, /kept until you delete it|may clear saved codes/);
  // What the page says matches what the browser answers.
  const granted = await page.evaluate(() => navigator.storage.persisted());
  assert.match(text, granted ? /kept until you delete it/ : /may clear saved codes/);
  await page.close();
});
