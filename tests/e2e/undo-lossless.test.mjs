// Issue 12.1 in the real browser: 50 codes saved with very long page titles, URLs and notes are
// deleted in the dashboard and brought back with Undo, identical field for field (ids included).
// Before the vault, Undo sent them back through a schema that refused the whole batch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, seedCodes, savedCodes, makeCode } from './harness.mjs';

const DAY = 86_400_000;

function longCaptures(now) {
  return Array.from({ length: 50 }, (_, i) => ({
    code: makeCode(500 + i),
    periodDays: 30,
    sentAt: now - (i % 20) * DAY,
    creatorHandle: `@creator.${i}`,
    source: {
      kind: 'selection',
      subject: `Campaign ${i} — ${'un titre de page très long '.repeat(200)}`.slice(0, 4000),
      url: `https://example.com/thread/${i}?q=${'x'.repeat(30_000)}`,
    },
    notes: `${i}: ${'notes grown by many captures '.repeat(1500)}`.slice(0, 40_000),
  }));
}

test('50 codes with very long titles, URLs and notes: delete in the dashboard, Undo, all 50 identical', async () => {
  const ext = await launch();
  try {
    const now = Date.now();
    const saved = await seedCodes(ext, longCaptures(now));
    assert.equal(saved.filter((r) => r.outcome === 'saved').length, 50);
    // Let the background's post-save work (badge, alerts) settle before the snapshot.
    await new Promise((r) => setTimeout(r, 1500));
    const before = (await savedCodes(ext)).sort((a, b) => a.id - b.id);
    assert.equal(before.length, 50);
    assert.ok(before.every((r) => r.source.url.length > 30_000 && r.source.subject.length > 3000 && r.notes.length > 39_000));

    const page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('dashboard.html#view=table'));
    await page.getByText('50 codes shown').waitFor();
    await page.getByRole('checkbox', { name: 'Select all shown codes' }).check();
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByText('50 codes deleted.').waitFor();
    assert.equal((await savedCodes(ext)).length, 0);

    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByText('50 codes restored.').waitFor();
    const after = (await savedCodes(ext)).sort((a, b) => a.id - b.id);
    assert.equal(after.length, 50);
    for (let i = 0; i < 50; i++) assert.deepEqual(after[i], before[i], `record ${before[i].id} came back identical`);
  } finally {
    await ext.close();
  }
});
