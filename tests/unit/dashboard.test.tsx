import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { codesDb } from '@/utils/vault/db';
import { saveSettings } from '@/utils/settings';
import { zonedInstant } from '@/utils/i18n/dates';
import type { AdCodeRecord } from '@/utils/code-record';
import { makeCode, record } from './dashboard-fixtures';
import { interruptedMessage } from '@/utils/import-chunks';

const sent: { type: string; data: unknown }[] = [];
const replies: Record<string, (data: unknown) => unknown> = {};
vi.mock('@/utils/protocol', () => ({
  sendMessage: vi.fn(async (type: string, data: unknown) => {
    sent.push({ type, data });
    return replies[type]?.(data);
  }),
}));

const { DashboardRoot } = await import('@/entrypoints/dashboard/App');

const DAY = 86_400_000;
const ZONE = 'Europe/Madrid';
const NOW = Date.now();

beforeAll(() => {
  // jsdom has no layout: give the virtualized lists a viewport so rows render.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({ width: 1200, height: 800, top: 0, left: 0, right: 1200, bottom: 800, x: 0, y: 0, toJSON() {} } as DOMRect);
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 800 });
  Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => 1200 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 800 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1200 });
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.open = false;
    this.dispatchEvent(new Event('close'));
  };
});

let ids: number[] = [];
beforeEach(async () => {
  fakeBrowser.reset();
  sent.length = 0;
  for (const k of Object.keys(replies)) delete replies[k];
  await saveSettings({ timeZone: ZONE, language: 'en', alertWindowDays: 3 });
  await codesDb().codes.clear();
  ids = (await codesDb().codes.bulkAdd(
    [
      record({ code: makeCode(1), creatorHandle: '@ana', expiresAt: NOW + 2 * DAY, receivedAt: NOW - 28 * DAY, tags: ['Launch'], status: 'unused', uses: [] }),
      record({ code: makeCode(2), creatorHandle: '@ben', expiresAt: NOW + 20 * DAY, receivedAt: NOW - 10 * DAY, tags: [] }),
      record({ code: makeCode(3), creatorHandle: '@cleo', expiresAt: NOW - DAY, receivedAt: NOW - 31 * DAY, tags: ['Launch'], status: 'unused', uses: [] }),
    ],
    { allKeys: true },
  )) as number[];
});
afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
});

async function open(hash = '') {
  history.replaceState(null, '', `/dashboard.html${hash}`);
  const user = userEvent.setup();
  render(<DashboardRoot />);
  await screen.findByText('3 codes shown');
  return user;
}

describe('dashboard table', () => {
  it('lists codes soonest expiry first, sorts, and bulk-archives the selection', async () => {
    const user = await open('#view=table');
    const table = screen.getByRole('table', { name: 'Table' });
    const creators = () => within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[2].textContent);
    await waitFor(() => expect(creators()).toEqual(['@cleo', '@ana', '@ben']));

    await user.click(screen.getByRole('button', { name: 'Sort by Expires' }));
    expect(creators()).toEqual(['@ben', '@ana', '@cleo']);
    expect(screen.getByRole('columnheader', { name: /Expires/ })).toHaveAttribute('aria-sort', 'descending');

    await user.click(screen.getByRole('checkbox', { name: new RegExp(`Select ${makeCode(1).slice(0, 11)}`) }));
    await user.click(screen.getByRole('checkbox', { name: new RegExp(`Select ${makeCode(2).slice(0, 11)}`) }));
    expect(screen.getByRole('toolbar', { name: '2 selected' })).toBeInTheDocument();
    replies.bulkEditCodes = () => ({ changed: 2 });
    await user.click(screen.getByRole('button', { name: 'Archive' }));
    const bulk = sent.at(-1) as { type: string; data: { ids: number[]; edit: unknown } };
    expect(bulk.type).toBe('bulkEditCodes');
    expect([...bulk.data.ids].sort()).toEqual([ids[0], ids[1]].sort());
    expect(bulk.data.edit).toEqual({ kind: 'archive', archived: 1 });
    expect(await screen.findByText('2 codes archived.')).toBeInTheDocument();
  });

  it('deletes with undo: undo asks the background for exactly that delete back, by its token', async () => {
    const user = await open('#view=table');
    await user.click(screen.getByRole('checkbox', { name: 'Select all shown codes' }));
    const count = await codesDb().codes.count();
    replies.deleteCodes = () => ({ deleted: count, undoToken: 'undo-0123456789abcdef' });
    replies.restoreDeleted = () => ({ restored: count });
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(sent.at(-1)?.type).toBe('deleteCodes');
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    expect(sent.at(-1)).toEqual({ type: 'restoreDeleted', data: { undoToken: 'undo-0123456789abcdef' } });
    expect(await screen.findByText(`${count} codes restored.`)).toBeInTheDocument();
  });

  it('filters by status and tag', async () => {
    const user = await open('#view=table');
    // The tag menu is built after the first paint (deferred), and the counts follow the full read.
    await screen.findByRole('option', { name: 'Launch' });
    await user.selectOptions(screen.getByLabelText('Tag'), 'Launch');
    expect(await screen.findByText('2 codes shown')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Status'), 'expired');
    expect(await screen.findByText('1 code shown')).toBeInTheDocument();
  });
});

describe('details drawer', () => {
  it('opens from #code=<id>, corrects the expiry in the chosen zone, and closes with Escape', async () => {
    const user = await open(`#code=${ids[0]}`);
    const drawer = await screen.findByRole('dialog', { name: '@ana' });
    expect(within(drawer).getByText(makeCode(1))).toBeInTheDocument();
    const date = within(drawer).getByLabelText('Expiry date');
    const time = within(drawer).getByLabelText('Expiry time');
    await user.clear(date);
    await user.type(date, '2027-03-28');
    await user.clear(time);
    await user.type(time, '02:30'); // does not exist in Madrid that night (DST gap)
    await user.click(within(drawer).getByRole('button', { name: 'Save changes' }));
    const patch = sent.find((m) => m.type === 'updateCode')?.data as { id: number; patch: { expiresAt: number } };
    expect(patch.id).toBe(ids[0]);
    expect(patch.patch.expiresAt).toBe(zonedInstant('2027-03-28', '02:30', ZONE));
    expect(new Date(patch.patch.expiresAt).toISOString()).toBe('2027-03-28T01:30:00.000Z');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: '@ana' })).not.toBeInTheDocument());
  });

  it('opens the renewal request from #renew=1 with a Gmail reply and marks the code', async () => {
    const opened: string[] = [];
    vi.spyOn(window, 'open').mockImplementation((url) => {
      opened.push(String(url));
      return null;
    });
    const user = await open(`#code=${ids[0]}&renew=1`);
    const dialog = await screen.findByRole('dialog', { name: 'Ask @ana to renew' });
    await user.selectOptions(within(dialog).getByLabelText('Period to ask for'), '60');
    expect((within(dialog).getByLabelText('Message') as HTMLTextAreaElement).value).toContain('for 60 days');
    await user.click(within(dialog).getByRole('button', { name: 'Open reply in Gmail' }));
    expect(opened[0]).toMatch(/^https:\/\/mail\.google\.com\/mail\/u\/0\/\?view=cm/);
    expect(new URL(opened[0]).searchParams.get('to')).toBe('jose@example.com');
    const mark = sent.find((m) => m.type === 'updateCode')?.data as { patch: { renewalRequestedAt: number } };
    // Marked as asked just now (the click), not at some other time.
    expect(Math.abs(mark.patch.renewalRequestedAt - Date.now())).toBeLessThan(60_000);
  });
});

describe('first week fixes', () => {
  it('the “expiring” count filters to those codes and back', async () => {
    const user = await open('#view=table');
    const pill = screen.getByRole('button', { name: '1 expiring within 3 days' });
    expect(pill).toHaveAttribute('aria-pressed', 'false');
    await user.click(pill);
    expect(await screen.findByText('1 code shown')).toBeInTheDocument();
    expect(pill).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('table', { name: 'Table' })).toHaveTextContent('@ana');
    await user.click(pill);
    expect(await screen.findByText('3 codes shown')).toBeInTheDocument();
  });

  it('speaks the popup’s words for a code’s state (Ready, Expiring, Used, Expired)', async () => {
    await open('#view=table');
    const options = within(screen.getByRole('combobox', { name: /status/i })).getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(expect.arrayContaining(['Ready', 'Expiring', 'Used', 'Expired']));
    expect(options).not.toContain('Active');
    expect(options).not.toContain('Expiring soon');
  });

  it('a first run says how to add codes instead of showing an empty month', async () => {
    await codesDb().codes.clear();
    history.replaceState(null, '', '/dashboard.html');
    render(<DashboardRoot />);
    const empty = await screen.findByRole('region', { name: 'No codes saved yet' });
    expect(empty).toHaveTextContent('Save card above the message');
    expect(empty).toHaveTextContent('Import CSV or JSON');
    expect(screen.queryByRole('grid')).not.toBeInTheDocument();
  });

  it('the calendar opens on the month of the next expiry and tells one creator’s codes apart', async () => {
    await codesDb().codes.clear();
    const p = new Date(NOW);
    const inThreeMonths = Date.UTC(p.getUTCFullYear(), p.getUTCMonth() + 3, 15, 12);
    await codesDb().codes.bulkAdd([
      record({ code: makeCode(21), creatorHandle: '@maya', expiresAt: inThreeMonths, status: 'unused', uses: [] }),
      record({ code: makeCode(22), creatorHandle: '@maya', expiresAt: inThreeMonths + 3_600_000, status: 'unused', uses: [] }),
    ]);
    history.replaceState(null, '', '/dashboard.html#view=calendar');
    render(<DashboardRoot />);
    const month = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: ZONE }).format(inThreeMonths);
    expect(await screen.findByRole('heading', { name: month })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: `@maya · ${makeCode(21).slice(0, 5)}` })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: `@maya · ${makeCode(22).slice(0, 5)}` })).toBeInTheDocument();
  });
});

describe('table: whole codes, inline edits and a column choice', () => {
  it('shows the whole code, edits notes and tags in place, and sends only what changed', async () => {
    const user = await open('#view=table');
    const table = screen.getByRole('table', { name: 'Table' });
    expect(within(table).getByRole('button', { name: makeCode(1) })).toBeInTheDocument();
    await user.click(within(table).getByRole('button', { name: 'Notes for @ana' }));
    const notes = within(table).getByRole('textbox', { name: 'Notes for @ana' });
    await user.type(notes, 'Boost in March{Enter}');
    expect(sent.filter((m) => m.type === 'updateCode').map((m) => m.data)).toEqual([{ id: ids[0], patch: { notes: 'Boost in March' } }]);
    await user.click(within(table).getByRole('button', { name: 'Tags for @ana (comma-separated)' }));
    const tags = within(table).getByRole('textbox', { name: 'Tags for @ana (comma-separated)' });
    await user.clear(tags);
    await user.type(tags, 'Launch, Q1 , Launch,{Enter}');
    expect(sent.filter((m) => m.type === 'updateCode').at(-1)?.data).toEqual({ id: ids[0], patch: { tags: ['Launch', 'Q1'] } });
    // Escape leaves the value as it was and sends nothing.
    const before = sent.length;
    await user.click(within(table).getByRole('button', { name: 'Notes for @ben' }));
    await user.type(within(table).getByRole('textbox', { name: 'Notes for @ben' }), 'oops{Escape}');
    expect(sent.length).toBe(before);
  });

  it('adds the Video column from “Columns” and remembers the choice', async () => {
    await codesDb().codes.update(ids[1], { postUrl: 'https://www.tiktok.com/@ben/video/7439182736451029384' });
    const user = await open('#view=table');
    expect(screen.queryByRole('columnheader', { name: 'Video' })).not.toBeInTheDocument();
    await user.click(screen.getByText('Columns'));
    await user.click(await screen.findByRole('checkbox', { name: 'Video' }));
    expect(screen.getByRole('columnheader', { name: 'Video' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'tiktok.com/@ben/video/7439182736451029384' })).toHaveAttribute('href', 'https://www.tiktok.com/@ben/video/7439182736451029384');
    cleanup();
    await open('#view=table');
    expect(screen.getByRole('columnheader', { name: 'Video' })).toBeInTheDocument();
    localStorage.clear();
  });
});

describe('renewal from a Gmail thread', () => {
  it('copies the message and opens the original thread, not a new compose', async () => {
    const thread = 'https://mail.google.com/mail/u/1/#inbox/FMfcgzQbdrXkTmZqLwPvRkGjhSbTnCsx';
    await codesDb().codes.update(ids[1], { source: { kind: 'gmail', senderName: 'Ben', senderEmail: 'ben@example.com', subject: 'Code', url: thread } });
    const opened: string[] = [];
    vi.spyOn(window, 'open').mockImplementation((url) => {
      opened.push(String(url));
      return null;
    });
    const user = await open(`#code=${ids[1]}&renew=1`);
    const dialog = await screen.findByRole('dialog', { name: 'Ask @ben to renew' });
    expect(within(dialog).getByRole('note')).toHaveTextContent('click Reply and paste it');
    await user.click(within(dialog).getByRole('button', { name: 'Copy and open the thread in Gmail' }));
    await waitFor(() => expect(opened).toEqual([thread]));
    const copied = await navigator.clipboard.readText();
    expect(copied).toContain(`Ad code: ${makeCode(2)}`);
    expect(copied).toContain('TikTok account: @ben');
  });
});

describe('renewal for a code imported from TikTok Ads Manager (no handle)', () => {
  /** The record an Ads Manager import makes: no handle, no mail; `name` is what TikTok called the creator. */
  async function fromAdsManager(name?: string) {
    const r = (await codesDb().codes.get(ids[1]))!;
    delete r.creatorHandle;
    r.source = { kind: 'import', subject: 'Imported from Ads Manager (account Brand EU)' };
    r.verified = { checkedAt: NOW - DAY, authEnd: r.expiresAt, ...(name ? { tiktokName: name } : {}) };
    await codesDb().codes.put(r);
  }

  it('names the creator as TikTok does, and says "the creator" when nothing names them', async () => {
    await fromAdsManager('Maya Glow');
    await open(`#code=${ids[1]}&renew=1`);
    expect(await screen.findByRole('dialog', { name: 'Ask Maya Glow to renew' })).toBeInTheDocument();
    cleanup();
    await fromAdsManager();
    await open(`#code=${ids[1]}&renew=1`);
    expect(await screen.findByRole('dialog', { name: 'Ask the creator to renew' })).not.toHaveTextContent(/Unknown creator/);
  });

  it('in German', async () => {
    await saveSettings({ timeZone: ZONE, language: 'de', alertWindowDays: 3 });
    await fromAdsManager();
    history.replaceState(null, '', `/dashboard.html#code=${ids[1]}&renew=1`);
    render(<DashboardRoot />);
    expect(await screen.findByRole('dialog', { name: 'Den Creator um Verlängerung bitten' })).toBeInTheDocument();
  });
});

describe('calendar', () => {
  it('puts each code on its expiry day in the chosen time zone', async () => {
    await codesDb().codes.clear();
    // 23:30 UTC on the 10th is already the 11th in Madrid.
    const now = new Date();
    const expires = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 10, 23, 30);
    await codesDb().codes.add(record({ code: makeCode(9), creatorHandle: '@late', expiresAt: expires }));
    history.replaceState(null, '', '/dashboard.html');
    render(<DashboardRoot />);
    const chip = await screen.findByRole('button', { name: '@late' });
    const cell = chip.closest('td')!;
    expect(within(cell).getAllByRole('button')[0]).toHaveTextContent('11');
  });
});

describe('import', () => {
  const upload = async (user: ReturnType<typeof userEvent.setup>, name: string, text: string, type: string) => {
    await user.upload(screen.getByTestId('import-file'), new File([text], name, { type }));
  };

  it('a broken file shows why and sends nothing', async () => {
    const user = await open();
    await upload(user, 'backup.json', '{"format": "ad-code-keeper-backup", "codes": [', 'application/json');
    const dialog = await screen.findByRole('dialog', { name: 'Import preview' });
    expect(within(dialog).getByRole('alert')).toHaveTextContent(/cannot be imported: not valid JSON.*Nothing was changed/);
    expect(within(dialog).queryByRole('button', { name: /Import \d/ })).not.toBeInTheDocument();
    expect(sent.filter((m) => m.type === 'importCodes')).toEqual([]);
  });

  it('previews add / merge / reject row by row and commits only accepted rows, in one message', async () => {
    const user = await open();
    const csv = `code,creator,expires\n${makeCode(1)},@ana,2027-01-05\n${makeCode(5)},@dan,2027-01-06\nnope,@x,2027-01-07\n`;
    await upload(user, 'codes.csv', csv, 'text/csv');
    // A sheet shows its columns first.
    await user.click(within(await screen.findByRole('dialog', { name: 'Match the columns' })).getByRole('button', { name: 'Preview' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import preview' });
    const rows = within(dialog).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').slice(0, 2).map((c) => c.textContent))).toEqual([
      ['2', 'Merge'],
      ['3', 'Add'],
      ['4', 'Reject'],
    ]);
    expect(within(dialog).getByText('1 rejected row will be skipped.')).toBeInTheDocument();
    replies.importCodes = () => ({ added: 1, merged: 1 });
    await user.click(within(dialog).getByRole('button', { name: 'Import 2 codes' }));
    const msgs = sent.filter((m) => m.type === 'importCodes');
    expect(msgs).toHaveLength(1);
    expect((msgs[0].data as { records: AdCodeRecord[] }).records.map((r) => r.code)).toEqual([makeCode(1), makeCode(5)]);
    expect(await screen.findByText('Imported: 1 added, 1 merged.')).toBeInTheDocument();
  });

  // Issue 12.3: an import bigger than one message goes in chunks, with a progress bar; Cancel and a restarted
  // service worker both leave the vault as it was, and the dialog says what happened.
  const bigCsv = (n: number) => `code,creator\n${Array.from({ length: n }, (_, i) => `${makeCode(10_000 + i)},@c${i}`).join('\n')}\n`;
  type Chunk = { importId?: string; more?: boolean; cancel?: boolean; total?: number; records: unknown[] };
  const chunks = () => sent.filter((m) => m.type === 'importCodes').map((m) => m.data as Chunk);

  it('a big import shows a progress bar with the count, and Cancel before the commit drops the stage', async () => {
    const user = await open();
    await upload(user, 'big.csv', bigCsv(4_005), 'text/csv');
    await user.click(within(await screen.findByRole('dialog', { name: 'Match the columns' })).getByRole('button', { name: 'Preview' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import preview' });
    expect(within(dialog).getByText(/^Up to 500,000 codes and 400 MB per file/)).toBeInTheDocument();
    let release = () => {};
    let staged = 0;
    replies.importCodes = (data) => {
      const c = data as Chunk;
      if (c.cancel) return { added: 0, merged: 0, staged: 0 };
      staged += c.records.length;
      // The second chunk waits: the dialog shows how far it got.
      return staged === 2_000 ? { added: 0, merged: 0, staged } : new Promise((r) => (release = () => r({ added: 0, merged: 0, staged })));
    };
    const importButton = within(dialog).getByRole('button', { name: /^Import 4,?005 codes$/ });
    await user.click(importButton);
    expect(await within(dialog).findByRole('status')).toHaveTextContent('Sending 2000 of 4005 codes…');
    expect(within(dialog).getByTestId('import-progress')).toHaveAttribute('value', '2000');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await act(async () => release());
    await waitFor(() => expect(chunks().at(-1)).toMatchObject({ cancel: true, records: [] }));
    const id = chunks()[0].importId;
    expect(chunks().map((c) => [c.importId, c.more ?? false, c.cancel ?? false, c.records.length])).toEqual([
      [id, true, false, 2000],
      [id, true, false, 2000],
      [id, false, true, 0],
    ]);
  });

  it('a service worker restarted midway: the dialog says the import was interrupted and to try again', async () => {
    const user = await open();
    await upload(user, 'big.csv', bigCsv(2_005), 'text/csv');
    await user.click(within(await screen.findByRole('dialog', { name: 'Match the columns' })).getByRole('button', { name: 'Preview' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import preview' });
    replies.importCodes = (data) => {
      const c = data as Chunk;
      if (c.more) return { added: 0, merged: 0, staged: 2_000 };
      if (c.cancel) return { added: 0, merged: 0, staged: 0 };
      // What the background answers when its stage is gone (a fresh worker holds only the last chunk).
      throw new Error(interruptedMessage(5, 2_005));
    };
    await user.click(within(dialog).getByRole('button', { name: /^Import 2,?005 codes$/ }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The import was interrupted and nothing was changed; try again.');
    expect(chunks().at(-2)).toMatchObject({ total: 2_005, records: { length: 5 } });
    expect(chunks().at(-1)).toMatchObject({ cancel: true });
    expect(within(dialog).getByRole('button', { name: /^Import 2,?005 codes$/ })).toBeEnabled();
  });
});

describe('export and language', () => {
  it('export buttons start downloads of the shown codes', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:x';
    });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const user = await open();
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await user.click(screen.getByRole('button', { name: 'Export calendar (.ics)' }));
    // The writers are fetched on the first click.
    await waitFor(() => expect(click).toHaveBeenCalledTimes(2));
    const csv = await blobs[0].text();
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(4);
    expect(await blobs[1].text()).toContain('BEGIN:VCALENDAR');
    expect((await blobs[1].text()).match(/BEGIN:VEVENT/g)).toHaveLength(3);
  });

  it('speaks Spanish when chosen', async () => {
    await saveSettings({ language: 'es' });
    history.replaceState(null, '', '/dashboard.html');
    render(<DashboardRoot />);
    expect(await screen.findByRole('tab', { name: 'Calendario' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Exportar CSV' })).toBeInTheDocument();
    await act(async () => {});
  });
});
