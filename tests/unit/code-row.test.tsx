import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AdCodeRecord } from '@/utils/code-record';
import type { VerifyReport } from '@/utils/protocol';
import { formatDate } from '@/components/ExpiryLabel';
import { I18nProvider } from '@/utils/i18n/react';
import { makeCode, record as baseRecord } from './dashboard-fixtures';

const sent: { type: string; data: unknown }[] = [];
let reply: (data: { ids: number[] }) => Promise<unknown> = async () => undefined;
vi.mock('@/utils/protocol', () => ({
  sendMessage: vi.fn(async (type: string, data: { ids: number[] }) => {
    sent.push({ type, data });
    return reply(data);
  }),
}));

const { CodeRow } = await import('@/components/CodeRow');

const MIN = 60_000;
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 20, 12);
const EXPIRED_MSG = 'Authorization expired. Contact the creator to extend the authorization.';
const actions = { onToggleUsed: vi.fn(), onDelete: vi.fn(), onUpdate: vi.fn() };

function record(over: Partial<AdCodeRecord> = {}): AdCodeRecord {
  return baseRecord({ id: 7, code: makeCode(7), creatorHandle: '@maya', periodAssumed: true, expiresAt: NOW + 10 * DAY, ...over });
}
const verifiedFacts = (over: Partial<NonNullable<AdCodeRecord['verified']>> = {}) => ({
  checkedAt: NOW - 5 * MIN,
  authStatus: 'AUTHORIZED',
  authStart: NOW - 20 * DAY,
  authEnd: NOW + 41 * DAY,
  tiktokName: 'Maya Glow',
  videoText: 'Morning routine with the new serum',
  ...over,
});
const report = (over: Partial<VerifyReport> = {}): VerifyReport => ({ ran: true, verified: 0, lost: 0, failed: [], skipped: 0, ...over });

function show(r: AdCodeRecord, tiktok = true) {
  const user = userEvent.setup();
  const view = render(
    <ul>
      <CodeRow record={r} now={NOW} windowDays={3} actions={actions} tiktok={tiktok} />
    </ul>,
  );
  const rerender = (next: AdCodeRecord) =>
    view.rerender(
      <ul>
        <CodeRow record={next} now={NOW} windowDays={3} actions={actions} tiktok={tiktok} />
      </ul>,
    );
  const expand = () => user.click(screen.getByRole('button', { expanded: false }));
  return { user, rerender, expand };
}

beforeEach(() => {
  sent.length = 0;
  reply = async () => undefined;
});
afterEach(cleanup);

describe('CodeRow with the TikTok check off', () => {
  it('shows nothing about TikTok, even for a record checked earlier', async () => {
    const r = record({ expiresAt: NOW + 41 * DAY, periodAssumed: false, verified: verifiedFacts() });
    const { expand } = show(r, false);
    await expand();
    expect(screen.queryByText(/verified/i)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Check with TikTok' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'TikTok verification' })).toBeNull();
    expect(screen.queryByText('Maya Glow')).toBeNull();
  });

  it('still says an assumed period is an estimate, and shows a renewal request', async () => {
    const { expand } = show(record({ renewalRequestedAt: NOW - DAY }), false);
    expect(screen.getByText('· estimated')).toBeInTheDocument();
    await expand();
    expect(screen.getByText(`Renewal requested ${formatDate(NOW - DAY)}`)).toBeInTheDocument();
  });
});

describe('CodeRow with the TikTok check on', () => {
  it('replaces "estimated" with "✓ verified" when the expiry is TikTok’s end, and lists the facts', async () => {
    const longText = `${'Morning routine with the new serum, '.repeat(5)}#ad`;
    const r = record({ expiresAt: NOW + 41 * DAY, periodAssumed: false, verified: verifiedFacts({ videoText: longText }) });
    const { expand } = show(r);
    expect(screen.getByText('· ✓ verified')).toBeInTheDocument();
    expect(screen.queryByText(/estimated/)).toBeNull();
    await expand();
    const section = screen.getByRole('region', { name: 'TikTok verification' });
    expect(within(section).getByText('✓ Verified by TikTok 5 minutes ago')).toBeInTheDocument();
    expect(within(section).getByText('Authorized').nextElementSibling).toHaveTextContent(`${formatDate(NOW - 20 * DAY, true)} – ${formatDate(NOW + 41 * DAY, true)}`);
    expect(within(section).getByText('Maya Glow')).toBeInTheDocument();
    const video = within(section).getByTitle(longText);
    expect(video.textContent!.length).toBeLessThan(100);
    expect(video.textContent).toMatch(/…”$/);
  });

  it('does not call a hand-edited expiry verified', () => {
    show(record({ expiresAt: NOW + 30 * DAY, periodAssumed: false, expiryEdited: true, verified: verifiedFacts() }));
    expect(screen.queryByText('· ✓ verified')).toBeNull();
  });

  it('"Check with TikTok" asks for this code only, is busy meanwhile, then says until when it is authorized', async () => {
    let answer!: (r: VerifyReport) => void;
    reply = () => new Promise((resolve) => (answer = resolve));
    const r = record();
    const { user, rerender, expand } = show(r);
    await expand();
    expect(screen.getByText('Not checked with TikTok yet')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Check with TikTok' }));
    expect(sent).toEqual([{ type: 'verifyCodes', data: { ids: [7] } }]);
    const busy = screen.getByRole('button', { name: 'Checking…' });
    expect(busy).toBeDisabled();
    expect(busy).toHaveAttribute('aria-busy', 'true');

    // The background stores the facts before it answers; the live query then re-renders the row.
    const end = NOW + 60 * DAY;
    rerender({ ...r, expiresAt: end, periodAssumed: false, verified: verifiedFacts({ checkedAt: NOW, authEnd: end }) });
    await act(async () => answer(report({ verified: 1 })));
    expect(screen.getByRole('status')).toHaveTextContent(`Verified: authorized until ${formatDate(end, true)}`);
    expect(screen.getByRole('button', { name: 'Check with TikTok' })).toBeEnabled();
    expect(screen.getByText('· ✓ verified')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('TikTok error 4025: says TikTok’s message once, as an alert, with a renewal link to the dashboard', async () => {
    reply = async () => report({ failed: [{ id: 7, kind: 'code-expired', message: EXPIRED_MSG }], lost: 1 });
    const r = record();
    const { user, rerender, expand } = show(r);
    await expand();
    await user.click(screen.getByRole('button', { name: 'Check with TikTok' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(EXPIRED_MSG);
    expect(within(alert).getByRole('link', { name: 'Request renewal' })).toHaveAttribute('href', '/dashboard.html#code=7&renew=1');

    // Once stored, the same message is not repeated a second time.
    rerender({ ...r, expiresAt: NOW, verified: { checkedAt: NOW, authStatus: 'EXPIRED', error: EXPIRED_MSG, errorKind: 'code-expired' } });
    expect(screen.getAllByText(new RegExp(EXPIRED_MSG.slice(0, 20)))).toHaveLength(1);
    expect(screen.getAllByRole('link', { name: 'Request renewal' })).toHaveLength(1);
  });

  it('a stored "lost" verdict offers the renewal without an alert', async () => {
    const { expand } = show(record({ expiresAt: NOW - DAY, verified: { checkedAt: NOW - 2 * DAY, authStatus: 'REVOKED' } }));
    await expand();
    expect(screen.getByText(/TikTok: TikTok says this authorization has ended/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Request renewal' })).toHaveAttribute('href', '/dashboard.html#code=7&renew=1');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a code TikTok does not know is a problem but not a renewal', async () => {
    reply = async () => report({ failed: [{ id: 7, kind: 'code-invalid', message: 'The auth_code does not exist.' }] });
    const { user, expand } = show(record());
    await expand();
    await user.click(screen.getByRole('button', { name: 'Check with TikTok' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The auth_code does not exist.');
    expect(screen.queryByRole('link', { name: 'Request renewal' })).toBeNull();
  });

  it('a run-level error (rate limit) explains it and says when to retry; the facts stay', async () => {
    const retryAt = NOW + 30 * MIN;
    reply = async () => report({ ran: true, skipped: 1, error: { kind: 'rate-limited', message: 'TikTok asked us to slow down.', retryAt } });
    const { user, expand } = show(record({ expiresAt: NOW + 41 * DAY, periodAssumed: false, verified: verifiedFacts() }));
    await expand();
    await user.click(screen.getByRole('button', { name: 'Check with TikTok' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(`TikTok asked us to slow down. Try again after ${formatDate(retryAt, true)}.`);
    expect(screen.getByText('Maya Glow')).toBeInTheDocument();
  });

  it('a failed message to the background is reported, not swallowed', async () => {
    reply = async () => {
      throw new Error('Could not establish connection.');
    };
    const { user, expand } = show(record());
    await expand();
    await user.click(screen.getByRole('button', { name: 'Check with TikTok' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not establish connection.');
    expect(screen.getByRole('button', { name: 'Check with TikTok' })).toBeEnabled();
  });
});

describe('the period of an expiry that does not follow from it', () => {
  // TikTok's authorization end (an Ads Manager import or a TikTok sync), a day off the received date + period.
  const tiktokDated = () =>
    record({ periodAssumed: false, periodDays: 60, expiresAt: NOW + 41 * DAY, expirySource: 'tiktok', verified: verifiedFacts() });
  const period = () => screen.getByRole('combobox', { name: 'Authorization period' });

  it('says "dated by TikTok" for TikTok’s end, "custom expiry" for one set by hand', async () => {
    const { expand, rerender } = show(tiktokDated());
    await expand();
    expect(period()).toHaveDisplayValue('dated by TikTok');
    rerender(
      record({ periodAssumed: false, expiresAt: NOW + 41 * DAY, expiryEdited: true, expirySource: 'user', verified: verifiedFacts() }),
    );
    expect(period()).toHaveDisplayValue('custom expiry');
  });

  it('says it in the popup’s language', async () => {
    const user = userEvent.setup();
    render(
      <I18nProvider language="de" timeZone="UTC">
        <ul>
          <CodeRow record={tiktokDated()} now={NOW} windowDays={3} actions={actions} tiktok />
        </ul>
      </I18nProvider>,
    );
    await user.click(await screen.findByRole('button', { expanded: false }));
    expect(screen.getByRole('combobox', { name: 'Autorisierungszeitraum' })).toHaveDisplayValue('Datum von TikTok');
  });
});
