import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { StoredRecord } from '@/utils/code-record';
import { I18nProvider } from '@/utils/i18n/react';

const sent: { type: string; data: unknown }[] = [];
vi.mock('@/utils/protocol', () => ({
  sendMessage: vi.fn(async (type: string, data: unknown) => {
    sent.push({ type, data });
    return { added: 4, merged: 0 };
  }),
}));
const { ImportButton } = await import('@/entrypoints/dashboard/ImportButton');

const agency = readFileSync('tests/fixtures/sheets/agency.csv', 'utf8');

beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({
    width: 1200,
    height: 800,
    top: 0,
    left: 0,
    right: 1200,
    bottom: 800,
    x: 0,
    y: 0,
    toJSON() {},
  } as DOMRect);
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 800 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 800 });
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.open = false;
    this.dispatchEvent(new Event('close'));
  };
});
beforeEach(() => {
  fakeBrowser.reset();
  sent.length = 0;
});
afterEach(cleanup);

async function openSheet(language = 'en') {
  const user = userEvent.setup();
  const notify = vi.fn();
  render(
    <I18nProvider language={language} timeZone="UTC">
      <ImportButton rows={[]} defaultPeriodDays={30} notify={notify} />
    </I18nProvider>,
  );
  await user.upload(screen.getByTestId('import-file'), new File([agency], 'agency.csv', { type: 'text/csv' }));
  return { user, notify };
}

const rowLine = (dialog: HTMLElement, n: number) =>
  within(within(dialog).getByRole('list', { name: 'Read as' }))
    .getByText(`Row ${n}`)
    .closest('li')!;

describe('the mapping step of a sheet import', () => {
  it('shows each column with two sample cells and its guessed field, and names the ignored columns', async () => {
    await openSheet();
    const dialog = await screen.findByRole('dialog', { name: 'Match the columns' });
    expect(within(dialog).getByRole('combobox', { name: 'Field for column “Creator”' })).toHaveDisplayValue('Creator name');
    expect(within(dialog).getByRole('combobox', { name: 'Field for column “Spark code”' })).toHaveDisplayValue('Ad code');
    expect(within(dialog).getByRole('combobox', { name: 'Field for column “Date received”' })).toHaveDisplayValue('Date received');
    expect(within(dialog).getByText('Leo Park')).toBeInTheDocument();
    expect(within(dialog).getByText('Ana Souza')).toBeInTheDocument();
    expect(within(dialog).getByTestId('import-ignored')).toHaveTextContent('Not imported: “Account manager”');
    expect(rowLine(dialog, 2)).toHaveTextContent('@leo.lifts · “60 days” read as 60 days · “Live” read as used');
    expect(rowLine(dialog, 6)).toHaveTextContent('“not a code yet” is not an ad code');
  });

  it('changing a column’s field changes the preview; the commit sends what the mapping says', async () => {
    const { user } = await openSheet();
    const dialog = await screen.findByRole('dialog', { name: 'Match the columns' });
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Field for column “Status”' }), 'Do not import');
    expect(rowLine(dialog, 2)).toHaveTextContent('@leo.lifts · “60 days” read as 60 days');
    expect(rowLine(dialog, 2)).not.toHaveTextContent('Live');
    expect(within(dialog).getByTestId('import-ignored')).toHaveTextContent('Not imported: “Status”, “Account manager”');

    // Without a code column nothing can be previewed until one is chosen.
    const code = within(dialog).getByRole('combobox', { name: 'Field for column “Spark code”' });
    await user.selectOptions(code, 'Do not import');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Choose the column that holds the ad codes.');
    expect(within(dialog).queryByRole('button', { name: 'Preview' })).not.toBeInTheDocument();
    await user.selectOptions(code, 'Ad code');

    await user.click(within(dialog).getByRole('button', { name: 'Preview' }));
    const rows = await screen.findByRole('dialog', { name: 'Import preview' });
    await user.click(within(rows).getByRole('button', { name: 'Import 4 codes' }));
    const records = (sent.find((m) => m.type === 'importCodes')!.data as { records: StoredRecord[] }).records;
    expect(records.map((r) => [r.creatorHandle, r.periodDays, r.status])).toEqual([
      ['@leo.lifts', 60, 'unused'],
      ['@ana.cocina', 365, 'unused'],
      ['@mia.runs', 30, 'unused'],
      ['@tom.berg', 60, 'unused'],
    ]);
  });

  it('remembers the chosen mapping for the same header row and offers it next time', async () => {
    const first = await openSheet();
    let dialog = await screen.findByRole('dialog', { name: 'Match the columns' });
    await first.user.selectOptions(within(dialog).getByRole('combobox', { name: 'Field for column “Account manager”' }), 'Tags');
    await first.user.click(within(dialog).getByRole('button', { name: 'Preview' }));
    cleanup();

    await openSheet();
    dialog = await screen.findByRole('dialog', { name: 'Match the columns' });
    expect(await within(dialog).findByText('These are the columns you chose last time for this sheet.')).toBeInTheDocument();
    expect(within(dialog).getByRole('combobox', { name: 'Field for column “Account manager”' })).toHaveDisplayValue('Tags');
  });

  it('speaks German, and Tab walks the column selects in order', async () => {
    const { user } = await openSheet('de');
    const dialog = await screen.findByRole('dialog', { name: 'Spalten zuordnen' });
    const status = within(dialog).getByRole('combobox', { name: 'Feld für Spalte „Status“' });
    expect(status).toHaveDisplayValue('Status (verwendet / unbenutzt)');
    // Every select is a native one (arrow keys choose, in Chromium) and Tab walks the columns in order.
    status.focus();
    await user.tab();
    expect(within(dialog).getByRole('combobox', { name: 'Feld für Spalte „Account manager“' })).toHaveFocus();
  });

  it('reads rows pasted from Google Sheets (tab-separated) the same way', async () => {
    const user = userEvent.setup();
    render(
      <I18nProvider language="en" timeZone="UTC">
        <ImportButton rows={[]} defaultPeriodDays={30} notify={vi.fn()} />
      </I18nProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Paste from a sheet' }));
    const paste = await screen.findByRole('dialog', { name: 'Paste from a sheet' });
    await user.click(within(paste).getByRole('textbox'));
    await user.paste(readFileSync('tests/fixtures/sheets/agency.tsv', 'utf8'));
    await user.click(within(paste).getByRole('button', { name: 'Preview' }));
    const dialog = await screen.findByRole('dialog', { name: 'Match the columns' });
    expect(within(dialog).getByText('File: Pasted rows')).toBeInTheDocument();
    expect(within(dialog).getByRole('combobox', { name: 'Field for column “Creator”' })).toHaveDisplayValue('Creator name');
    expect(rowLine(dialog, 3)).toHaveTextContent('@ana.cocina · “1 year” read as 365 days');
  });
});
