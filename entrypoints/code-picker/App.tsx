/** @jsxImportSource preact */
// Preact, not React: this list is a frame in every Ads Manager page, and react-dom alone is 209 kB.
import type { TargetedKeyboardEvent, TargetedMouseEvent } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { sendMessage, type PickerFieldContext, type PickerList } from '@/utils/protocol';
import { resolveZone } from '@/utils/i18n/dates';
import { CodeRow } from './CodeRow';
import { matchesQuery, shortCode } from './format';
import type { PageChannel } from './page-channel';
import { watchVisibility, type VisibilityGuard } from './visibility-guard';

const MAX_HEIGHT = 440;

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The code list shown beside Ads Manager's code field. It lives in an extension-origin frame, so
 * the page never sees the codes; it asks the background for them and for every fill.
 */
export function App({ channel }: { channel: PageChannel }) {
  const [token, setToken] = useState<string>();
  const [context, setContext] = useState<PickerFieldContext>({ kind: 'single', present: [] });
  const [list, setList] = useState<PickerList>();
  const [showExpired, setShowExpired] = useState(false);
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<number[]>([]);
  const [confirmId, setConfirmId] = useState<number>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [armed, setArmed] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const guardRef = useRef<VisibilityGuard | undefined>(undefined);
  // Read by the page-channel subscription below, which is set up once and must see the latest choice.
  const showExpiredRef = useRef(showExpired);
  useEffect(() => {
    showExpiredRef.current = showExpired;
  }, [showExpired]);
  // Until the first list arrives there are no codes to date; any fixed instant will do for the empty list.
  const [openedAt] = useState(Date.now);

  const load = useCallback(async (tok: string, expired: boolean) => {
    try {
      setList(await sendMessage('pickerList', { token: tok, includeExpired: expired }));
      setError(undefined);
    } catch (e) {
      setError(errorText(e));
    }
  }, []);

  useEffect(() => {
    void channel.token.then(setToken, (e: unknown) => setError(errorText(e)));
    return channel.subscribe((event) => {
      if (event.type === 'context') setContext(event.context);
      if (event.type === 'focus') filterRef.current?.focus();
      // The list moved on the page: a pointer click only counts once it has been still a moment.
      if (event.type === 'moved') guardRef.current?.restart();
      if (event.type === 'context' || event.type === 'refresh') {
        setConfirmId(undefined);
        setSelected([]);
        setError(undefined);
        setNotice(undefined);
        setQuery('');
        void channel.token.then((t) => load(t, showExpiredRef.current));
      }
    });
  }, [channel, load]);

  useEffect(() => {
    if (token) void load(token, showExpired);
  }, [token, showExpired, load]);

  useEffect(() => {
    if (!rootRef.current) return;
    // watchVisibility is an outside observer that reports through setArmed: subscribing is what effects are for.
    guardRef.current = watchVisibility(rootRef.current, setArmed);
    return () => guardRef.current?.stop();
  }, []);

  const multi = context.kind === 'lines';
  const now = list?.now ?? openedAt;
  const windowDays = list?.alertWindowDays ?? 3;
  const zone = useMemo(() => resolveZone(list?.timeZone), [list?.timeZone]);
  const present = useMemo(() => new Set(context.present.map((p) => (p.startsWith('#') ? p : `#${p}`))), [context]);
  const { usable, expired } = useMemo(() => {
    const shown = (list?.codes ?? []).filter((c) => matchesQuery(c, query));
    return {
      usable: shown.filter((c) => c.expiresAt > now),
      // Most recently expired first: that is the one the user is most likely looking for.
      expired: shown.filter((c) => c.expiresAt <= now).sort((a, b) => b.expiresAt - a.expiresAt),
    };
  }, [list, query, now]);

  // Tell the page-side script how tall the list wants to be; it decides where it fits.
  useLayoutEffect(() => {
    const root = rootRef.current;
    if (!token || !root) return;
    let last = 0;
    const measure = () => {
      const wrap = listRef.current?.parentElement;
      if (!wrap) return;
      // Everything but the list's viewport, plus the list's full content: the height that needs no scrolling.
      const content = Array.from(wrap.children).reduce((h, el) => h + (el as HTMLElement).offsetHeight, 0);
      const wanted = Math.min(MAX_HEIGHT, Math.ceil(root.offsetHeight - wrap.clientHeight + content));
      if (Math.abs(wanted - last) > 2) {
        last = wanted;
        void sendMessage('pickerUi', { token, action: 'resize', height: wanted }).catch(() => undefined);
      }
    };
    const ro = new ResizeObserver(measure);
    ro.observe(root);
    if (listRef.current) ro.observe(listRef.current);
    void document.fonts?.ready.then(measure);
    measure();
    return () => ro.disconnect();
  });

  const close = (refocusField: boolean) => {
    if (token) void sendMessage('pickerUi', { token, action: 'close', refocusField }).catch(() => undefined);
  };

  async function fill(ids: number[], e: MouseEvent | KeyboardEvent) {
    // Only the user's own click or key press fills; a script cannot reach into this frame anyway.
    if (!token || !e.isTrusted || !ids.length) return;
    // A click made with the keyboard (Enter/Space on a button) has no pointer position: detail 0.
    const via = e instanceof MouseEvent && e.detail > 0 ? 'pointer' : 'keyboard';
    const refusal = await guardRef.current?.refusal(via);
    if (refusal) {
      setError(refusal);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const res = await sendMessage('pickerFill', { token, ids, via });
      if (!res.ok) setError(res.error ?? 'The code could not be filled.');
      else {
        setSelected([]);
        setConfirmId(undefined);
        setNotice(res.filledIds?.length ? `Filled ${res.filledIds.length === 1 ? 'the code' : `${res.filledIds.length} codes`}. Search and Confirm in TikTok.` : 'Those codes are already in the field.');
      }
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  function onFillClick(id: number, e: TargetedMouseEvent<HTMLButtonElement>) {
    const code = list?.codes.find((c) => c.id === id);
    if (code?.usedHere && confirmId !== id) {
      setConfirmId(id);
      return;
    }
    void fill([id], e);
  }

  function fillButtons(): HTMLButtonElement[] {
    return Array.from(listRef.current?.querySelectorAll<HTMLButtonElement>('button[data-fill-button]:not(:disabled)') ?? []);
  }

  function onRowKeyDown(id: number, e: TargetedKeyboardEvent<HTMLButtonElement>) {
    const buttons = fillButtons();
    const i = buttons.indexOf(e.currentTarget);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = e.key === 'ArrowDown' ? buttons[Math.min(i + 1, buttons.length - 1)] : buttons[i - 1];
      (next ?? filterRef.current)?.focus();
    } else if (multi && e.key === ' ') {
      e.preventDefault();
      toggle(id);
    } else if (multi && e.key === 'Enter' && selected.length) {
      e.preventDefault();
      void fill(selected, e);
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      // Typing anywhere in the list goes on filtering.
      filterRef.current?.focus();
    }
  }

  function onFilterKeyDown(e: TargetedKeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      fillButtons()[0]?.focus();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (multi && selected.length) void fill(selected, e);
      else {
        const first = usable.find((c) => !(multi && present.has(c.code)));
        if (!first) return;
        if (first.usedHere) {
          setConfirmId(first.id);
        } else void fill([first.id], e);
      }
    }
  }

  function onRootKeyDown(e: TargetedKeyboardEvent<HTMLDivElement>) {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    if (confirmId !== undefined) setConfirmId(undefined);
    else close(true);
  }

  const toggle = (id: number) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));

  async function undo() {
    if (!token || !list?.recentlyMarked) return;
    try {
      await sendMessage('pickerUndoUsed', { token, ids: list.recentlyMarked.ids });
      setNotice('Marked unused again.');
      await load(token, showExpired);
    } catch (e) {
      setError(errorText(e));
    }
  }

  /** TikTok refused a code this page filled: the creator has to renew it, so the list offers the request. */
  async function requestRenewal(id: number) {
    if (!token) return;
    try {
      await sendMessage('pickerRequestRenewal', { token, id });
    } catch (e) {
      setError(errorText(e));
    }
  }

  const refused = list?.refused;
  const marked = list?.recentlyMarked && list.codes.filter((c) => list.recentlyMarked!.ids.includes(c.id));
  const row = (c: PickerList['codes'][number]) => (
    <CodeRow
      key={c.id}
      code={c}
      now={now}
      windowDays={windowDays}
      zone={zone}
      multi={multi}
      selected={selected.includes(c.id)}
      inField={present.has(c.code)}
      confirming={confirmId === c.id}
      busy={busy}
      armed={armed}
      onFill={(e) => onFillClick(c.id, e)}
      onFillAnyway={(e) => void fill([c.id], e)}
      onCancelConfirm={() => setConfirmId(undefined)}
      onToggle={() => toggle(c.id)}
      onKeyDown={(e) => onRowKeyDown(c.id, e)}
    />
  );

  return (
    <div className="picker" ref={rootRef} onKeyDown={onRootKeyDown} role="dialog" aria-label="Saved ad codes" data-armed={armed}>
      <header className="head">
        <span className="logo" aria-hidden="true">
          <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round">
            <circle cx="8" cy="15" r="4" />
            <path d="M10.85 12.15 19 4" />
            <path d="m18 5 2 2" />
            <path d="m15 8 2 2" />
          </svg>
        </span>
        <div className="head-text">
          <h1>Saved ad codes</h1>
          <p>{list?.advertiserId ? `Account ${list.advertiserId}` : 'Ad Code Keeper'}</p>
        </div>
        <button type="button" className="icon-btn" aria-label="Close saved ad codes" onClick={() => close(true)}>
          <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round">
            <path d="M6 6l12 12M18 6 6 18" />
          </svg>
        </button>
      </header>

      <div className="search">
        <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round">
          <circle cx="11" cy="11" r="6.5" />
          <path d="m16 16 4 4" />
        </svg>
        <input
          ref={filterRef}
          type="search"
          value={query}
          placeholder="Filter by creator, note or code"
          aria-label="Filter saved codes by creator, note or code"
          aria-describedby="picker-keys"
          // Preact's onChange is the DOM's change event (on blur); filtering follows every keystroke.
          onInput={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={onFilterKeyDown}
          autocomplete="off"
          spellcheck={false}
        />
      </div>

      {marked && marked.length > 0 && (
        <div className="banner" role="status">
          <span>
            Marked used in this account: <strong>{marked.map((c) => c.creatorHandle ?? shortCode(c.code)).join(', ')}</strong>
          </span>
          <button type="button" className="link-btn" onClick={() => void undo()}>
            Undo
          </button>
        </div>
      )}

      {refused && (
        <div className="banner banner-refused" role="status">
          <span>
            TikTok refused <strong>{refused.creatorHandle ?? shortCode(refused.code)}</strong>: {refused.message}
          </span>
          <button type="button" className="link-btn" onClick={() => void requestRenewal(refused.id)}>
            Request renewal
          </button>
        </div>
      )}

      <div className="list-wrap">
        <ul className="list" ref={listRef} aria-label="Usable codes, soonest expiry first">
          {usable.map(row)}
          {showExpired && expired.length > 0 && (
            <li className="section" aria-hidden="true">
              Expired
            </li>
          )}
          {showExpired && expired.map(row)}
        </ul>
        {list && usable.length === 0 && !(showExpired && expired.length) && (
          <p className="empty">
            {query.trim()
              ? `No saved code matches “${query.trim()}”.`
              : list.codes.length
                ? 'Every saved code has expired. Ask the creators for new ones.'
                : 'No usable codes yet. Save codes from your inbox with Ad Code Keeper.'}
          </p>
        )}
        {!list && !error && <p className="empty">Loading your codes…</p>}
      </div>

      {(error || notice) && (
        <p className={error ? 'msg msg-error' : 'msg'} role={error ? 'alert' : 'status'}>
          {error ?? notice}
        </p>
      )}

      <footer className="foot">
        <label className="toggle">
          <input type="checkbox" checked={showExpired} onChange={(e) => setShowExpired(e.currentTarget.checked)} />
          <span>Show expired</span>
        </label>
        {multi && selected.length > 0 ? (
          <button type="button" className="btn-primary" disabled={busy} aria-disabled={armed ? undefined : true} onClick={(e) => void fill(selected, e)}>
            Fill {selected.length} code{selected.length === 1 ? '' : 's'} as lines
          </button>
        ) : (
          <span className="keys" id="picker-keys">
            <kbd>↑↓</kbd> <kbd>Enter</kbd> fill{multi ? <> · <kbd>Space</kbd> select</> : null} · <kbd>Esc</kbd> close
          </span>
        )}
      </footer>
    </div>
  );
}
