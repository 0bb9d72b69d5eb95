// The popup's paste box with what each row says beside its code: the preview shows creator and expiry, a
// "received on" date covers the rows without their own, and the save goes through the background's real
// schema and handler into the vault.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { codesDb } from '@/utils/vault/db';
import { DEFAULT_SETTINGS, settingsItem } from '@/utils/settings';
import { messageSchemas } from '@/utils/protocol-schemas';
import { codeHandlers } from '@/entrypoints/background/code-handlers';
import { I18nProvider } from '@/utils/i18n/react';
import { makeCode } from './dashboard-fixtures';

vi.mock('@/utils/protocol', async (original) => ({
  ...(await original<typeof import('@/utils/protocol')>()),
  sendMessage: vi.fn(async (type: string, data: unknown) => {
    const { answerPopupRead, isPopupRead } = await import('./popup-background');
    if (isPopupRead(type)) return answerPopupRead(type, data);
    if (type !== 'saveCodes') throw new Error(`the paste box sent ${type}`);
    // As the router does: the payload through its schema, then the real handler over the test's vault.
    return codeHandlers(codesDb(), () => {}).saveCodes!(messageSchemas.saveCodes.data.parse(data) as never, {});
  }),
}));
const { AddCodes } = await import('@/entrypoints/popup/AddCodes');
await import('./popup-background');

const ZONE = 'Europe/Madrid';
const LEO = makeCode(501);
const MAYA = makeCode(502);
const DAY = 86_400_000;

function renderBox(onSaved = vi.fn()) {
  render(
    <I18nProvider language="en" timeZone={ZONE}>
      <AddCodes onSaved={onSaved} />
    </I18nProvider>,
  );
  return onSaved;
}

beforeEach(async () => {
  fakeBrowser.reset();
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, language: 'en', timeZone: ZONE } as typeof DEFAULT_SETTINGS);
  await codesDb().codes.clear();
});
afterEach(cleanup);

describe('paste rows', () => {
  it('@leo.lifts<TAB>#code<TAB>30 days: the preview names the creator and the expiry, and the code saves with both', async () => {
    const onSaved = renderBox();
    const before = Date.now();
    fireEvent.change(screen.getByLabelText('Paste ad codes'), { target: { value: `@leo.lifts\t${LEO}\t30 days` } });
    const preview = await screen.findByRole('list', { name: 'What will be saved' });
    const [item] = within(preview).getAllByRole('listitem');
    expect(item.textContent).toMatch(/new · @leo\.lifts · 30 days · Expires [A-Z][a-z]{2} \d{1,2}, 20\d\d/);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Add and save 1 code' }));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledWith('1 code saved.'));
    const [saved] = await codesDb().codes.toArray();
    expect([saved.code, saved.creatorHandle, saved.periodDays, saved.periodAssumed]).toEqual([LEO, '@leo.lifts', 30, false]);
    // No date on the row and none chosen: received now, expiring 30 days on.
    expect(saved.receivedAt).toBeGreaterThanOrEqual(before);
    expect(saved.expiresAt - saved.receivedAt).toBeGreaterThanOrEqual(30 * DAY - 3_600_000);
  });

  it('"received on" dates the rows without a date of their own; a row\'s own date wins', async () => {
    renderBox();
    fireEvent.change(screen.getByLabelText('Paste ad codes'), { target: { value: `@leo.lifts\t${LEO}\t60 days\n@maya.creates ${MAYA} 7d 2026-11-02` } });
    const preview = await screen.findByRole('list', { name: 'What will be saved' });
    const received = screen.getByLabelText(/^Received on/);
    fireEvent.change(received, { target: { value: '2026-11-10' } });
    const items = within(preview).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([expect.stringContaining('@leo.lifts · 60 days · Expires Jan 9, 2027'), expect.stringContaining('@maya.creates · 7 days · Expires Nov 9, 2026')]);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Add and save 2 codes' }));
    await vi.waitFor(async () => expect(await codesDb().codes.count()).toBe(2));
    const byCode = new Map((await codesDb().codes.toArray()).map((r) => [r.code, r]));
    // Days as the sheet import reads them: the end of that day in the user's zone.
    expect(byCode.get(LEO)).toMatchObject({ creatorHandle: '@leo.lifts', periodDays: 60, receivedAt: Date.parse('2026-11-10T22:59:00Z') });
    expect(byCode.get(MAYA)).toMatchObject({ creatorHandle: '@maya.creates', periodDays: 7, receivedAt: Date.parse('2026-11-02T22:59:00Z') });
  });

  it('a code with nothing beside it says so instead of inventing a creator', async () => {
    renderBox();
    fireEvent.change(screen.getByLabelText('Paste ad codes'), { target: { value: LEO } });
    const preview = await screen.findByRole('list', { name: 'What will be saved' });
    expect(within(preview).getByRole('listitem').textContent).toMatch(/new · Unknown creator · period not stated · Expires /);
  });
});
