/** @jsxImportSource preact */
// The picker runs on Preact: rendered with Preact, events wrapped in Preact's act (as @testing-library/preact does).
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/dom';
import { render as renderInto, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PickerCode, PickerFieldContext, PickerList } from '@/utils/protocol';
import { DAY_MS } from '@/utils/expiry';
import type { PageChannel, PageEvent } from '@/entrypoints/code-picker/page-channel';

const calls = vi.hoisted(() => [] as { type: string; data: Record<string, unknown> }[]);
const state = vi.hoisted(() => ({ list: undefined as unknown }));
vi.mock('@/utils/protocol', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  sendMessage: vi.fn(async (type: string, data: Record<string, unknown>) => {
    calls.push({ type, data });
    if (type === 'pickerList') {
      const list = state.list as PickerList;
      return data.includeExpired ? list : { ...list, codes: list.codes.filter((c) => c.expiresAt > list.now) };
    }
    if (type === 'pickerFill') return { ok: true, filledIds: data.ids };
    return undefined;
  }),
}));
const { App } = await import('@/entrypoints/code-picker/App');
const { pickerWords } = await import('@/utils/i18n/picker/words');
await import('@/utils/i18n');
const { connectToPage } = await import('@/entrypoints/code-picker/page-channel');

configure({
  eventWrapper: (fire) => {
    let result: unknown;
    act(() => {
      result = fire();
    });
    return result;
  },
});

const mounted: HTMLElement[] = [];
function render(ui: ComponentChild) {
  const root = document.body.appendChild(document.createElement('div'));
  mounted.push(root);
  act(() => renderInto(ui, root));
}
function cleanup() {
  for (const root of mounted.splice(0)) {
    act(() => renderInto(null, root));
    root.remove();
  }
}
afterEach(cleanup);

const NOW = Date.UTC(2026, 10, 25, 12);
const TOKEN = 'tok_AAAAAAAAAAAAAAAAAAAAAAAA';
const row = (id: number, creatorHandle: string, days: number, extra: Partial<PickerCode> = {}): PickerCode => ({
  id,
  code: `#${String(id).repeat(6)}AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefghijklmnopq`.slice(0, 65),
  creatorHandle,
  notes: '',
  expiresAt: NOW + days * DAY_MS,
  status: 'unused',
  usedHere: false,
  ...extra,
});

const CODES = [
  row(1, '@expired.one', -2),
  row(2, '@mia.creates', 2, { notes: 'Spring serum try-on' }),
  row(3, '@zoe.bakes', 20, { usedHere: true, status: 'used', lastUsedAt: NOW - 3 * DAY_MS }),
  row(4, '@leo.fit', 55),
];

function fakeChannel() {
  const listeners = new Set<(e: PageEvent) => void>();
  const channel: PageChannel = { token: Promise.resolve(TOKEN), subscribe: (l) => (listeners.add(l), () => listeners.delete(l)) };
  return { channel, emit: (e: PageEvent) => act(() => listeners.forEach((l) => l(e))) };
}

async function renderPicker(context?: PickerFieldContext, list: Partial<PickerList> = {}) {
  state.list = {
    codes: CODES,
    alertWindowDays: 3,
    now: NOW,
    advertiserId: '7012345678901234567',
    language: 'en',
    words: pickerWords('en'),
    ...list,
  };
  const { channel, emit } = fakeChannel();
  render(<App channel={channel} />);
  if (context) emit({ type: 'context', context });
  await screen.findAllByText('@mia.creates');
  return { emit };
}

const fillButtons = () => screen.getAllByRole('button', { name: /^Fill / });
const sentOf = (type: string) => calls.filter((c) => c.type === type);

beforeEach(() => {
  calls.length = 0;
  globalThis.ResizeObserver ??= class {
    observe() {}
    disconnect() {}
    unobserve() {}
  } as never;
});

describe('code picker list', () => {
  const shownCreators = () => screen.getAllByText(/^@/).map((e) => e.textContent);

  it('shows codes not used here soonest first, then the ones used in this account, under their own heading; expired hidden', async () => {
    await renderPicker();
    expect(shownCreators()).toEqual(['@mia.creates', '@leo.fit', '@zoe.bakes']);
    const heading = screen.getByText('Used here');
    // The heading sits between the ready codes and the used one.
    expect(heading.compareDocumentPosition(screen.getByText('@leo.fit')) & Node.DOCUMENT_POSITION_PRECEDING).toBeTruthy();
    expect(heading.compareDocumentPosition(screen.getByText('@zoe.bakes')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const mia = screen.getByText('@mia.creates').closest('li')!;
    expect(within(mia).getByText(/Expires in 2 days/)).toHaveTextContent('(expiring soon)');
    expect(within(mia).getByText(/Spring serum try-on/)).toBeInTheDocument();
    expect(within(screen.getByText('@leo.fit').closest('li')!).queryByText(/expiring soon/)).toBeNull();
    expect(screen.queryByText('@expired.one')).toBeNull();
    expect(fillButtons()[0]).toHaveAccessibleName(/^Fill #222222.* from @mia\.creates, expires in 2 days$/);
  });

  it('names the ad account when it is known, else a shortened ID — never the bare number', async () => {
    await renderPicker();
    expect(screen.getByText('Ad account 7012…4567')).toBeInTheDocument();
    expect(screen.queryByText(/7012345678901234567/)).toBeNull();
    cleanup();
    await renderPicker(undefined, { accountName: 'Acme Beauty EU' });
    expect(screen.getByRole('banner')).toHaveTextContent('Saved ad codes·Acme Beauty EU'.replace('·', ''));
  });

  it('the toggle shows expired codes, disabled, with the date they expired', async () => {
    await renderPicker();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show expired' }));
    const expired = await screen.findByText('@expired.one');
    const li = expired.closest('li')!;
    expect(within(li).getByText(/^Expired on /)).toBeInTheDocument();
    expect(within(li).getByRole('button', { name: /^Fill / })).toBeDisabled();
    expect(sentOf('pickerList').at(-1)!.data).toMatchObject({ token: TOKEN, includeExpired: true });
  });

  it('filters by what is typed in the page’s field: creator, note or code', async () => {
    const { emit } = await renderPicker();
    expect(screen.queryByRole('searchbox')).toBeNull();
    emit({ type: 'query', text: 'serum' });
    expect(shownCreators()).toEqual(['@mia.creates']);
    emit({ type: 'query', text: '@leo' });
    expect(shownCreators()).toEqual(['@leo.fit']);
    emit({ type: 'query', text: '444444' });
    expect(shownCreators()).toEqual(['@leo.fit']);
    emit({ type: 'query', text: 'nobody' });
    expect(screen.getByText('No saved code matches “nobody”.')).toBeInTheDocument();
    emit({ type: 'query', text: '' });
    expect(shownCreators()).toEqual(['@mia.creates', '@leo.fit', '@zoe.bakes']);
  });

  it('↑/↓ pressed in the field move the highlight (announced), Enter there fills the highlighted code', async () => {
    const { emit } = await renderPicker();
    const activeRow = () => document.querySelector('.row-active')?.querySelector('.creator')?.textContent;
    expect(activeRow()).toBeUndefined();
    emit({ type: 'key', key: 'ArrowDown' });
    expect(activeRow()).toBe('@mia.creates');
    emit({ type: 'key', key: 'ArrowDown' });
    emit({ type: 'key', key: 'ArrowDown' });
    emit({ type: 'key', key: 'ArrowDown' });
    expect(activeRow()).toBe('@zoe.bakes');
    emit({ type: 'key', key: 'ArrowUp' });
    expect(activeRow()).toBe('@leo.fit');
    expect(document.querySelector('[aria-live="polite"]')).toHaveTextContent(/^Fill .* from @leo\.fit, expires in 55 days$/);
    emit({ type: 'key', key: 'Enter' });
    await waitFor(() => expect(sentOf('pickerFill')).toEqual([{ type: 'pickerFill', data: { token: TOKEN, ids: [4], via: 'keyboard' } }]));
  });

  it('typing picks the best match, so Enter in the field fills it without arrowing', async () => {
    const { emit } = await renderPicker();
    emit({ type: 'query', text: 'leo' });
    emit({ type: 'key', key: 'Enter' });
    await waitFor(() => expect(sentOf('pickerFill').map((c) => c.data.ids)).toEqual([[4]]));
  });

  it('inside the list, ↑/↓ move between the Fill buttons; Esc asks the page to close and refocus the field', async () => {
    const { emit } = await renderPicker();
    emit({ type: 'focus' });
    expect(fillButtons()[0]).toHaveFocus();
    fireEvent.keyDown(fillButtons()[0], { key: 'ArrowDown' });
    expect(fillButtons()[1]).toHaveFocus();
    fireEvent.keyDown(fillButtons()[1], { key: 'ArrowUp' });
    expect(fillButtons()[0]).toHaveFocus();
    fireEvent.keyDown(fillButtons()[0], { key: 'Escape' });
    await waitFor(() => expect(sentOf('pickerUi').at(-1)!.data).toEqual({ token: TOKEN, action: 'close', refocusField: true }));
  });

  it('a synthetic (untrusted) click never fills', async () => {
    await renderPicker();
    fireEvent.click(fillButtons()[0]);
    await new Promise((r) => setTimeout(r, 20));
    expect(sentOf('pickerFill')).toEqual([]);
  });

  it('a code already used in this account asks before filling', async () => {
    await renderPicker();
    fireEvent.click(screen.getByRole('button', { name: /from @zoe\.bakes/ }));
    const warning = screen.getByRole('group', { name: 'Code already used in this account' });
    expect(warning).toHaveTextContent(/Already used in this account on /);
    expect(within(warning).getByRole('button', { name: 'Fill anyway' })).toHaveFocus();
    fireEvent.keyDown(warning, { key: 'Escape' });
    expect(screen.queryByRole('group', { name: 'Code already used in this account' })).toBeNull();
    expect(sentOf('pickerUi').filter((c) => c.data.action === 'close')).toEqual([]);
  });

  it('from the field, Enter on a code used here asks first (focus stays in the field); a second Enter fills it', async () => {
    const { emit } = await renderPicker();
    emit({ type: 'query', text: 'zoe' });
    emit({ type: 'key', key: 'Enter' });
    const warning = screen.getByRole('group', { name: 'Code already used in this account' });
    expect(warning).not.toContainElement(document.activeElement as HTMLElement);
    expect(sentOf('pickerFill')).toEqual([]);
    emit({ type: 'key', key: 'Enter' });
    await waitFor(() => expect(sentOf('pickerFill').map((c) => c.data.ids)).toEqual([[3]]));
  });

  it('in a multi-code field: Space selects, codes already in the field cannot be added again', async () => {
    await renderPicker({ kind: 'lines', present: [CODES[3].code] });
    const leoCheck = screen.getByRole('checkbox', { name: /from @leo\.fit/ });
    expect(leoCheck).toBeDisabled();
    expect(within(leoCheck.closest('li')!).getByText('In the field')).toBeInTheDocument();
    fireEvent.keyDown(fillButtons()[0], { key: ' ' });
    fireEvent.click(screen.getByRole('checkbox', { name: /from @zoe\.bakes/ }));
    expect(screen.getByRole('checkbox', { name: /from @mia\.creates/ })).toBeChecked();
    expect(screen.getByRole('button', { name: 'Fill 2 codes as lines' })).toBeInTheDocument();
  });

  it('offers to undo the codes this page just marked used', async () => {
    await renderPicker(undefined, { recentlyMarked: { ids: [2], at: NOW - 1000 } });
    const banner = screen.getByRole('status');
    expect(banner).toHaveTextContent('Marked used in this account: @mia.creates');
    fireEvent.click(within(banner).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(sentOf('pickerUndoUsed')).toEqual([{ type: 'pickerUndoUsed', data: { token: TOKEN, ids: [2] } }]));
  });

  it('a German UI: the visibility guard refuses in German when the page hides the list', async () => {
    // An IntersectionObserver v2 that never reports the frame visible: the page covers it.
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        observe() {}
        disconnect() {}
      },
    );
    try {
      state.list = {
        codes: CODES,
        alertWindowDays: 3,
        now: NOW,
        advertiserId: '7012345678901234567',
        language: 'de',
        words: pickerWords('de'),
        timeZone: 'UTC',
      };
      const { channel, emit } = fakeChannel();
      render(<App channel={channel} />);
      await screen.findAllByRole('button', { name: /einfügen, läuft/ });
      // Enter in the page's field (the content script saw the user press it).
      emit({ type: 'key', key: 'Enter' });
      expect(await screen.findByRole('alert')).toHaveTextContent(
        'Die Seite verdeckt oder versteckt diese Liste, daher wird nichts eingefügt.',
      );
      expect(sentOf('pickerFill')).toEqual([]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('a German UI shows the picker in German: the background hands over that language’s words with the list', async () => {
    state.list = {
      codes: CODES,
      alertWindowDays: 3,
      now: NOW,
      advertiserId: '7012345678901234567',
      language: 'de',
      words: pickerWords('de'),
      timeZone: 'UTC',
    };
    const { channel } = fakeChannel();
    render(<App channel={channel} />);
    await screen.findByRole('heading', { name: 'Gespeicherte Anzeigencodes' });
    expect(screen.getByRole('dialog', { name: 'Gespeicherte Anzeigencodes' })).toBeInTheDocument();
    expect(screen.getByText('Werbekonto 7012…4567')).toBeInTheDocument();
    expect(screen.getByText('In diesem Konto verwendet')).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /^#222222.* von @mia\.creates einfügen, läuft in 2 Tagen ab$/ })).toHaveLength(1);
    expect(screen.getAllByText('Einfügen')).toHaveLength(3);
    expect(screen.getByText(/Läuft in 2 Tagen ab/)).toHaveTextContent('(läuft bald ab)');
    expect(screen.getByRole('checkbox', { name: 'Abgelaufene zeigen' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Gespeicherte Anzeigencodes schließen' })).toBeInTheDocument();
  });
});

describe('page channel (the frame’s only way in from the page)', () => {
  const post = (data: unknown, origin = 'https://ads.tiktok.com', source: MessageEventSource | null = window) =>
    window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
  const NONCE = 'nonce_CCCCCCCCCCCCCCCCCCCCCC';

  it('learns its secret from the background, never from a page-posted introduction', async () => {
    // The background first answers with a nonce (nobody vouched for this frame yet), then with the session.
    const answers: ({ token: string } | { nonce: string })[] = [{ nonce: NONCE }, { token: TOKEN }];
    const hellos: unknown[] = [];
    const onUp = (e: MessageEvent) => hellos.push(e.data);
    window.addEventListener('message', onUp);
    // The page speaks first, with a made-up secret, in the old "init" style and the new one.
    post({ type: 'init', token: 'tok_BBBBBBBBBBBBBBBBBBBBBBBB', context: { kind: 'lines', present: ['#evil'] } });
    const channel = connectToPage(window, async () => answers.shift()!);
    const events: PageEvent[] = [];
    channel.subscribe((e) => events.push(e));
    post({ type: 'init', token: 'tok_BBBBBBBBBBBBBBBBBBBBBBBB', context: { kind: 'lines', present: ['#evil'] } });
    post({ type: 'context', token: 'tok_BBBBBBBBBBBBBBBBBBBBBBBB', context: { kind: 'lines', present: ['#evil'] } });
    // Our content script's context can arrive before the frame knows the secret: it is kept until then.
    post({ type: 'context', token: TOKEN, context: { kind: 'lines', present: ['#abc', 42] } });
    await expect(channel.token).resolves.toBe(TOKEN);
    window.removeEventListener('message', onUp);
    expect(hellos).toContainEqual({ type: 'hello', nonce: NONCE });
    expect(events).toEqual([{ type: 'context', context: { kind: 'lines', present: ['#abc'] } }]);

    post({ type: 'focus', token: TOKEN }, 'https://evil.example');
    post({ type: 'focus', token: TOKEN }, 'https://ads.tiktok.com', null);
    post({ type: 'focus', token: 'tok_BBBBBBBBBBBBBBBBBBBBBBBB' });
    post({ type: 'refresh' });
    post({ type: 'focus', token: TOKEN });
    expect(events.map((e) => e.type)).toEqual(['context', 'focus']);
  });

  it('hands the field context to a UI that subscribes later', async () => {
    const channel = connectToPage(window, async () => ({ token: TOKEN }));
    await channel.token;
    post({ type: 'context', token: TOKEN, context: { kind: 'lines', present: [] } });
    const late: PageEvent[] = [];
    channel.subscribe((e) => late.push(e));
    expect(late).toEqual([{ type: 'context', context: { kind: 'lines', present: [] } }]);
  });

  it('says the list lost its connection when the background refuses', async () => {
    const channel = connectToPage(window, async () => {
      throw new Error('This code list lost its connection to the Ads Manager page. Reload the page to use it again.');
    });
    await expect(channel.token).rejects.toThrow(/lost its connection/);
  });
});
