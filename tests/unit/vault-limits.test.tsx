// Issue 12.5: every limit is defined once and is the same on every path; where a user meets
// one, the message names it and says what to do.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { codesDb, openCodesDb } from '@/utils/vault/db';
import { saveCaptures } from '@/utils/vault/commands';
import { BATCH, LIMITS } from '@/utils/vault/limits';
import { messageSchemas } from '@/utils/protocol-schemas';
import { previewImportFile } from '@/utils/import-preview';
import { makeBackup } from '@/utils/backup';
import { DEFAULT_SETTINGS, settingsItem } from '@/utils/settings';
import { makeCode, NOW, record } from './dashboard-fixtures';
import { startBackground } from './protocol-fuzz.harness';

// The popup's messages go through the real payload schemas and the real save command.
const sent: { type: string; count: number }[] = [];
vi.mock('@/utils/protocol', async (original) => ({
  ...(await original<typeof import('@/utils/protocol')>()),
  sendMessage: vi.fn(async (type: 'saveCodes', data: unknown) => {
    const { answerPopupRead, isPopupRead } = await import('./popup-background');
    if (isPopupRead(type)) return answerPopupRead(type, data);
    const { captures } = messageSchemas[type].data.parse(data);
    sent.push({ type, count: captures.length });
    return saveCaptures(codesDb(), captures, Date.now());
  }),
}));
const { App } = await import('@/entrypoints/popup/App');
// Loaded before the first render (it brings the schemas and handlers): the first read is then not slower than findBy waits.
await import('./popup-background');

beforeEach(async () => {
  fakeBrowser.reset();
  sent.length = 0;
  await codesDb().codes.clear();
});
afterEach(cleanup);

describe('one limit on every path', () => {
  it('a paste of 1 500 codes in the popup is saved whole, in parts of the message size', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, language: 'en' } as typeof DEFAULT_SETTINGS);
    render(<App />);
    const box = await screen.findByRole('textbox', { name: 'Paste ad codes' });
    const codes = Array.from({ length: 1500 }, (_, i) => makeCode(i + 1));
    fireEvent.change(box, { target: { value: codes.join('\n') } });
    fireEvent.click(await screen.findByRole('button', { name: /^Add and save 1,?500 codes$/ }, { timeout: 10_000 }));
    // fake-indexeddb is slow: saving 1 500 codes takes seconds here.
    await waitFor(async () => expect(await codesDb().codes.count()).toBe(1500), { timeout: 40_000 });
    expect(await screen.findByText(/^1,?500 codes saved\.$/, undefined, { timeout: 20_000 })).toBeInTheDocument();
    expect(sent.map((s) => s.count)).toEqual([BATCH.save, 1500 - BATCH.save]);
  }, 60_000);

  it('a code imported with a 20 000-character note can be edited afterwards', async () => {
    const db = openCodesDb(`limits-${Math.random()}`);
    const bg = startBackground(db);
    const { id: _id, ...stored } = record({ code: makeCode(9), notes: 'n'.repeat(20_000) });
    expect((await bg.request('importCodes', { records: [stored] }))?.err).toBeUndefined();
    const [saved] = await db.codes.toArray();
    const edit = await bg.request('updateCode', { id: saved.id, patch: { notes: `${saved.notes} — renewed` } });
    expect(edit?.err).toBeUndefined();
    expect((await db.codes.get(saved.id!))!.notes).toBe(`${'n'.repeat(20_000)} — renewed`);
    bg.stop();
  });

  it('capture, edit, import and backup accept notes up to the same limit and refuse one character more', () => {
    const atLimit = 'n'.repeat(LIMITS.notes);
    const capture = (notes: string) => ({ captures: [{ code: makeCode(1), notes, source: { kind: 'paste' } }] });
    const patch = (notes: string) => ({ id: 1, patch: { notes } });
    const imported = (notes: string) => ({ records: [{ ...record({ notes }), id: undefined }] });
    for (const [schema, payload] of [
      [messageSchemas.saveCodes.data, capture],
      [messageSchemas.updateCode.data, patch],
      [messageSchemas.importCodes.data, imported],
    ] as const) {
      expect(schema.safeParse(payload(atLimit)).success).toBe(true);
      expect(schema.safeParse(payload(`${atLimit}!`)).success).toBe(false);
    }
  });

  it('an import row past a limit names the field, the limit and what to do', () => {
    const csv = `code,notes\n${makeCode(1)},${'n'.repeat(LIMITS.notes + 1)}\n`;
    const csvPreview = previewImportFile('codes.csv', csv, new Map(), { zone: 'UTC', now: NOW, fmtDate: String });
    expect(csvPreview.ok && csvPreview.rows[0]).toMatchObject({ outcome: 'reject', detail: 'notes longer than 50,000 characters (the limit); shorten it' });

    const tooManyTags = record({ code: makeCode(2), tags: Array.from({ length: LIMITS.tags + 1 }, (_, i) => `t${i}`) });
    const json = makeBackup([tooManyTags], 4, NOW);
    const jsonPreview = previewImportFile('backup.json', json, new Map(), { zone: 'UTC', now: NOW, fmtDate: String });
    expect(jsonPreview.ok && jsonPreview.rows[0]).toMatchObject({ outcome: 'reject', detail: 'tags: more than 50 tags (the limit); remove some' });
  });

  it('a right-click capture of a page with a huge title is saved, its title shortened to the limit', async () => {
    const db = openCodesDb(`limits-${Math.random()}`);
    const [r] = await saveCaptures(db, [{ code: makeCode(3), source: { kind: 'selection', subject: 't'.repeat(LIMITS.subject * 3) } }], NOW);
    expect(r.outcome).toBe('saved');
    const saved = (await db.codes.get(r.id!))!;
    expect(saved.source.subject).toHaveLength(LIMITS.subject);
    expect(saved.source.subject!.endsWith('…')).toBe(true);
  });
});
