import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { codesDb } from '@/utils/vault/db';
import { saveSettings } from '@/utils/settings';
import { apiCredentialsItem } from '@/utils/api-settings';
import { makeI18n } from '@/utils/i18n/react';
import type { AdCodeRecord } from '@/utils/code-record';
import type { VerifyReport } from '@/utils/protocol';
import { verifyInBatches } from '@/components/tiktok-check';
import { makeCode, record } from './dashboard-fixtures';

const sent: { type: string; data: { ids: number[] } }[] = [];
let reply: (data: { ids: number[] }) => Promise<unknown> = async () => undefined;
vi.mock('@/utils/protocol', () => ({
  sendMessage: vi.fn(async (type: string, data: { ids: number[] }) => {
    sent.push({ type, data });
    return reply(data);
  }),
}));

const { DashboardRoot } = await import('@/entrypoints/dashboard/App');

const DAY = 86_400_000;
const ZONE = 'Europe/Madrid';
const NOW = Date.now();
const READY = { enabled: true, accessToken: 'mocktoken0123456789abcdef', advertiserId: '7012345678901234567' };
const EXPIRED_MSG = 'Authorization expired. Contact the creator to extend the authorization.';
const i18n = makeI18n('en', ZONE);
const report = (over: Partial<VerifyReport> = {}): VerifyReport => ({ ran: true, verified: 0, lost: 0, failed: [], skipped: 0, ...over });

beforeAll(() => {
  // jsdom has no layout: give the virtualized table a viewport so rows render.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({ width: 1200, height: 800, top: 0, left: 0, right: 1200, bottom: 800, x: 0, y: 0, toJSON() {} } as DOMRect);
  for (const [prop, value] of [['offsetHeight', 800], ['offsetWidth', 1200], ['clientHeight', 800], ['clientWidth', 1200]] as const) {
    Object.defineProperty(HTMLElement.prototype, prop, { configurable: true, get: () => value });
  }
  // jsdom has no <dialog> behaviour; the renewal dialog needs showModal.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.open = false;
    this.dispatchEvent(new Event('close'));
  };
});

async function seed(records: AdCodeRecord[]) {
  await codesDb().codes.clear();
  return (await codesDb().codes.bulkAdd(records, { allKeys: true })) as number[];
}

beforeEach(async () => {
  fakeBrowser.reset();
  sent.length = 0;
  reply = async () => undefined;
  await saveSettings({ timeZone: ZONE, language: 'en', alertWindowDays: 3 });
});
afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
});

function open(hash: string) {
  history.replaceState(null, '', `/dashboard.html${hash}`);
  const user = userEvent.setup();
  render(<DashboardRoot />);
  return user;
}

const maya = () =>
  record({
    code: makeCode(1),
    creatorHandle: undefined,
    expiresAt: NOW + 41 * DAY,
    periodAssumed: false,
    // Minutes, not hours: "2 hours ago" turns into "yesterday" in the two hours after midnight in Madrid.
    verified: { checkedAt: NOW - 2 * 60_000, authStatus: 'AUTHORIZED', authStart: NOW - 19 * DAY, authEnd: NOW + 41 * DAY, tiktokName: 'Maya Glow', videoText: 'Morning routine' },
  });

describe('dashboard drawer: TikTok verification', () => {
  it('is absent while the feature is off', async () => {
    const [id] = await seed([maya()]);
    open(`#code=${id}`);
    await screen.findByRole('dialog', { name: 'Code details' });
    expect(screen.queryByRole('region', { name: 'TikTok verification' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Check with TikTok' })).toBeNull();
    expect(screen.queryByText('Maya Glow')).toBeNull();
  });

  it('shows TikTok’s facts and checks the code on demand', async () => {
    await apiCredentialsItem.setValue(READY);
    const [id] = await seed([maya()]);
    reply = async () => report({ verified: 1 });
    const user = open(`#code=${id}`);
    const drawer = await screen.findByRole('dialog', { name: 'Maya Glow' });
    const section = await within(drawer).findByRole('region', { name: 'TikTok verification' });
    expect(within(section).getByText('✓ Verified by TikTok 2 minutes ago')).toBeInTheDocument();
    expect(within(section).getByText('Authorization').nextElementSibling).toHaveTextContent(
      `${i18n.dateTime(NOW - 19 * DAY)} – ${i18n.dateTime(NOW + 41 * DAY)}`,
    );
    expect(within(section).getByText('“Morning routine”')).toBeInTheDocument();
    expect(within(drawer).getByText('✓ verified by TikTok')).toBeInTheDocument();

    await user.click(within(section).getByRole('button', { name: 'Check with TikTok' }));
    expect(sent).toEqual([{ type: 'verifyCodes', data: { ids: [id] } }]);
    expect(await within(section).findByRole('status')).toHaveTextContent(`Verified: authorized until ${i18n.dateTime(NOW + 41 * DAY)}`);
  });

  it('TikTok error 4025 is announced with TikTok’s words and points to the renewal request', async () => {
    await apiCredentialsItem.setValue(READY);
    const [id] = await seed([record({ code: makeCode(2), creatorHandle: '@leo', expiresAt: NOW + 5 * DAY })]);
    reply = async ({ ids }) => report({ failed: [{ id: ids[0], kind: 'code-expired', message: EXPIRED_MSG }], lost: 1 });
    const user = open(`#code=${id}`);
    const section = await screen.findByRole('region', { name: 'TikTok verification' });
    expect(within(section).getByText('Not checked with TikTok yet.')).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Check with TikTok' }));
    const alert = await within(section).findByRole('alert');
    expect(alert).toHaveTextContent(`TikTok: ${EXPIRED_MSG}`);
    expect(alert).toHaveTextContent('send them a renewal request');
    await user.click(screen.getByRole('button', { name: 'Request renewal' }));
    expect(await screen.findByRole('dialog', { name: 'Ask @leo to renew' })).toBeInTheDocument();
  });
});

describe('dashboard table: bulk "Check with TikTok"', () => {
  const many = (n: number) => Array.from({ length: n }, (_, i) => record({ code: makeCode(100 + i), creatorHandle: `@c${i}`, expiresAt: NOW + (5 + (i % 50)) * DAY }));

  it('is not offered while the feature is off', async () => {
    await seed(many(2));
    const user = open('#view=table');
    await user.click(await screen.findByRole('checkbox', { name: 'Select all shown codes' }, { timeout: 8000 }));
    expect(screen.getByRole('toolbar')).toBeInTheDocument();
    expect(within(screen.getByRole('toolbar')).queryByRole('button', { name: 'Check with TikTok' })).toBeNull();
  });

  it('checks 250 selected codes in two messages, one after the other, and sums up TikTok’s answers', async () => {
    await apiCredentialsItem.setValue(READY);
    const ids = await seed(many(250));
    const pending: ((r: VerifyReport) => void)[] = [];
    reply = () => new Promise((resolve) => pending.push(resolve));
    const user = open('#view=table');
    await user.click(await screen.findByRole('checkbox', { name: 'Select all shown codes' }, { timeout: 8000 }));
    await user.click(within(screen.getByRole('toolbar')).getByRole('button', { name: 'Check with TikTok' }));

    expect(sent).toHaveLength(1);
    expect(sent[0].data.ids).toHaveLength(200);
    expect(screen.getByRole('button', { name: 'Checking 0 of 250…' })).toBeDisabled();
    const failedId = sent[0].data.ids[3];
    await act(async () => pending[0](report({ verified: 198, lost: 1, failed: [{ id: failedId, kind: 'code-expired', message: EXPIRED_MSG }, { id: sent[0].data.ids[4], kind: 'code-invalid', message: 'The auth_code does not exist.' }] })));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1].data.ids).toHaveLength(50);
    expect(new Set([...sent[0].data.ids, ...sent[1].data.ids])).toEqual(new Set(ids));
    expect(screen.getByRole('button', { name: 'Checking 200 of 250…' })).toBeDisabled();
    await act(async () => pending[1](report({ verified: 50 })));

    const toast = await screen.findByText(/^TikTok check:/);
    const failedRow = (await codesDb().codes.get(failedId))!;
    expect(toast).toHaveTextContent(`TikTok check: 248 verified, 1 ended or revoked, 1 with problems. ${failedRow.creatorHandle} ${failedRow.code.slice(0, 11)}…: ${EXPIRED_MSG}`);
    expect(toast).toHaveTextContent('The auth_code does not exist.');
    expect(toast.closest('.dash-toast')).toHaveClass('is-error');
    expect(screen.getByRole('button', { name: 'Check with TikTok' })).toBeEnabled();
  });

  it('stops at a run-level error (rate limit) and says how many were not checked', async () => {
    await apiCredentialsItem.setValue(READY);
    await seed(many(250));
    reply = async ({ ids }) => report({ verified: 10, skipped: ids.length - 10, error: { kind: 'rate-limited', message: 'TikTok asked to slow down.' } });
    const user = open('#view=table');
    await user.click(await screen.findByRole('checkbox', { name: 'Select all shown codes' }, { timeout: 8000 }));
    await user.click(within(screen.getByRole('toolbar')).getByRole('button', { name: 'Check with TikTok' }));
    const toast = await screen.findByText(/^TikTok check:/);
    expect(toast).toHaveTextContent('TikTok check: 10 verified, 0 ended or revoked, 0 with problems. 240 not checked: TikTok asked to slow down.');
    expect(sent).toHaveLength(1);
  });

  it('when the feature was turned off meanwhile, says so instead of counting zeros', async () => {
    await apiCredentialsItem.setValue(READY);
    await seed(many(3));
    reply = async ({ ids }) => report({ ran: false, skipped: ids.length, error: { kind: 'off', message: 'TikTok verification is off.' } });
    const user = open('#view=table');
    await user.click(await screen.findByRole('checkbox', { name: 'Select all shown codes' }, { timeout: 8000 }));
    await user.click(within(screen.getByRole('toolbar')).getByRole('button', { name: 'Check with TikTok' }));
    expect(await screen.findByText('The check did not run: TikTok verification is off.')).toBeInTheDocument();
  });
});

describe('verifyInBatches', () => {
  it('sends at most 200 ids per call, drops duplicates, and adds up the reports', async () => {
    const calls: number[][] = [];
    const ids = [...Array.from({ length: 401 }, (_, i) => i + 1), 1, 2];
    const total = await verifyInBatches(ids, async (batch) => {
      calls.push(batch);
      return report({ verified: batch.length - 1, failed: [{ id: batch[0], kind: 'code-invalid', message: 'x' }] });
    });
    expect(calls.map((c) => c.length)).toEqual([200, 200, 1]);
    expect(total).toMatchObject({ ran: true, verified: 398, skipped: 0 });
    expect(total.failed.map((f) => f.id)).toEqual([1, 201, 401]);
  });
});
