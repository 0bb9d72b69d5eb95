/** @jsxImportSource preact */
// Preact, not React: this list is a frame in every Ads Manager page, and react-dom alone is 209 kB.
import type { TargetedKeyboardEvent, TargetedMouseEvent } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { sendMessage, type PickerCode, type PickerFieldContext, type PickerList } from '@/utils/protocol';
import { resolveZone } from '@/utils/i18n/dates';
import { pickerTranslator, type PickerTranslator } from '@/utils/i18n/picker';
import type { PickerKey } from '@/utils/picker-channel';
import { CodeRow } from './CodeRow';
import { accountLabel, arrangeCodes, fillLabel, shortCode } from './format';
import type { PageChannel } from './page-channel';
import { watchVisibility, type VisibilityGuard } from './visibility-guard';
import { PickerFooter, PickerHeader, ShowExpiredToggle } from './chrome';

/** About eight rows: more and the list would bury the dialog; it scrolls instead. */
const MAX_HEIGHT = 380;
/** The least worth showing: three rows (or all of them when there are fewer). */
const MIN_ROWS = 3;

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The code list shown under Ads Manager's code field, like a password manager's inline menu. It
 * lives in an extension-origin frame, so the page never sees the codes; it asks the background
 * for them and for every fill. The user keeps typing in the page's field: the content script
 * passes the text (filter) and the list keys (↑ ↓ Enter) on.
 */
export function App({ channel }: { channel: PageChannel }) {
  const [token, setToken] = useState<string>();
  const [context, setContext] = useState<PickerFieldContext>({ kind: 'single', present: [] });
  const [list, setList] = useState<PickerList>();
  const [showExpired, setShowExpired] = useState(false);
  const [query, setQuery] = useState('');
  const [activeIndex, setActiveIndex] = useState(-1);
  const [selected, setSelected] = useState<number[]>([]);
  const [confirm, setConfirm] = useState<{ id: number; focus: boolean }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [armed, setArmed] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const guardRef = useRef<VisibilityGuard | undefined>(undefined);
  // Read by the page-channel subscription below, which is set up once and must see the latest state.
  const showExpiredRef = useRef(showExpired);
  const pageKeyRef = useRef<(key: PickerKey) => void>(() => undefined);
  useEffect(() => {
    showExpiredRef.current = showExpired;
  }, [showExpired]);
  // Until the first list arrives there are no codes to date; any fixed instant will do for the empty list.
  const [openedAt] = useState(Date.now);
  // The words come with the list, in the language chosen in Settings; until then only a busy state shows.
  const tr: PickerTranslator | undefined = useMemo(() => list && pickerTranslator(list.language, list.words), [list]);

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
      if (event.type === 'focus') listRef.current?.querySelector<HTMLButtonElement>('button[data-fill-button]:not(:disabled)')?.focus();
      // The list moved on the page: a pointer click only counts once it has been still a moment.
      if (event.type === 'moved') guardRef.current?.restart();
      if (event.type === 'query') {
        setQuery(event.text);
        // Typing picks the best match, as an inline menu does: Enter in the field fills it.
        setActiveIndex(event.text.trim() ? 0 : -1);
        setConfirm(undefined);
      }
      if (event.type === 'key') pageKeyRef.current(event.key);
      if (event.type === 'context' || event.type === 'refresh') {
        setConfirm(undefined);
        setSelected([]);
        setError(undefined);
        setNotice(undefined);
        setQuery('');
        setActiveIndex(-1);
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
  const sections = useMemo(() => arrangeCodes(list?.codes ?? [], query, now), [list, query, now]);
  // The rows ↑/↓ in the field move through: every usable code that could still go into the field.
  const navigable = useMemo(
    () => [...sections.ready, ...sections.usedHere].filter((c) => !(multi && present.has(c.code))),
    [sections, multi, present],
  );
  const active: PickerCode | undefined = navigable[Math.min(activeIndex, navigable.length - 1)];

  // Tell the page-side script how tall the list wants to be and the least worth showing; it decides where it fits.
  useLayoutEffect(() => {
    const root = rootRef.current;
    if (!token || !root) return;
    let last = '';
    const measure = () => {
      const ul = listRef.current;
      const wrap = ul?.parentElement;
      if (!ul || !wrap) return;
      const chrome = root.offsetHeight - wrap.clientHeight;
      const pad = ul.offsetHeight - Array.from(ul.children).reduce((h, el) => h + (el as HTMLElement).offsetHeight, 0);
      const after = Array.from(wrap.children).reduce((h, el) => h + (el === ul ? 0 : (el as HTMLElement).offsetHeight), 0);
      // The empty-list message counts as a row; the "Show expired" toggle after the rows may scroll.
      const message = wrap.querySelector<HTMLElement>('.empty')?.offsetHeight ?? 0;
      let firstRows = 0;
      let rows = 0;
      for (const el of Array.from(ul.children) as HTMLElement[]) {
        if (rows >= MIN_ROWS) break;
        firstRows += el.offsetHeight;
        if (el.classList.contains('row')) rows++;
      }
      const height = Math.min(MAX_HEIGHT, Math.ceil(chrome + ul.offsetHeight + after));
      const minHeight = Math.min(height, Math.ceil(chrome + pad + firstRows + message));
      // Not laid out (yet): nothing to tell.
      if (!height) return;
      const key = `${height}:${minHeight}`;
      if (key !== last) {
        last = key;
        void sendMessage('pickerUi', { token, action: 'resize', height, minHeight }).catch(() => undefined);
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

  /** Callers check the trigger was the user's: a trusted event here, or a key the content script saw as trusted. */
  async function fill(ids: number[], via: 'pointer' | 'keyboard') {
    if (!token || !ids.length) return;
    const refusal = await guardRef.current?.refusal(via);
    if (refusal) {
      // A fill is offered only with the list, so its words are here; the key would still say which guard refused.
      setError(tr?.t(refusal) ?? refusal);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const res = await sendMessage('pickerFill', { token, ids, via });
      if (!res.ok) setError(res.error ?? tr?.t('pickerFillFailed'));
      else {
        setSelected([]);
        setConfirm(undefined);
        setNotice(res.filledIds?.length ? tr?.tn('pickerFilled', res.filledIds.length) : tr?.t('pickerAlreadyInField'));
      }
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  /** A click made with the keyboard (Enter/Space on a button) has no pointer position: detail 0. */
  const viaOf = (e: MouseEvent | KeyboardEvent) => (e instanceof MouseEvent && e.detail > 0 ? 'pointer' : 'keyboard');

  function onFillClick(c: PickerCode, e: TargetedMouseEvent<HTMLButtonElement>) {
    if (c.usedHere && confirm?.id !== c.id) return setConfirm({ id: c.id, focus: true });
    // Only the user's own click fills; a script cannot reach into this frame anyway.
    if (e.isTrusted) void fill([c.id], viaOf(e));
  }

  // The keys pressed in the page's field (the content script checked they were the user's); the
  // subscription made once on mount calls the latest version of this.
  const onPageKey = (key: PickerKey) => {
    const n = navigable.length;
    if (key === 'ArrowDown' || key === 'ArrowUp') {
      if (!n) return;
      setConfirm(undefined);
      const from = Math.min(activeIndex, n - 1);
      setActiveIndex(key === 'ArrowDown' ? Math.min(from + 1, n - 1) : Math.max(from - 1, 0));
      return;
    }
    const c = active ?? navigable[0];
    if (!c || busy) return;
    if (multi && selected.length) return void fill(selected, 'keyboard');
    if (c.usedHere && confirm?.id !== c.id) return setConfirm({ id: c.id, focus: false });
    void fill([c.id], 'keyboard');
  };
  useLayoutEffect(() => {
    pageKeyRef.current = onPageKey;
  });

  function fillButtons(): HTMLButtonElement[] {
    return Array.from(listRef.current?.querySelectorAll<HTMLButtonElement>('button[data-fill-button]:not(:disabled)') ?? []);
  }

  /** For whoever moved into the list itself (Tab, or a click): ↑/↓ between the Fill buttons. */
  function onRowKeyDown(id: number, e: TargetedKeyboardEvent<HTMLButtonElement>) {
    const buttons = fillButtons();
    const i = buttons.indexOf(e.currentTarget);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      buttons[e.key === 'ArrowDown' ? Math.min(i + 1, buttons.length - 1) : Math.max(i - 1, 0)]?.focus();
    } else if (multi && e.key === ' ') {
      e.preventDefault();
      toggle(id);
    } else if (multi && e.key === 'Enter' && selected.length) {
      e.preventDefault();
      if (e.isTrusted) void fill(selected, 'keyboard');
    }
  }

  function onRootKeyDown(e: TargetedKeyboardEvent<HTMLDivElement>) {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    if (confirm !== undefined) setConfirm(undefined);
    else close(true);
  }

  const toggle = (id: number) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));

  async function undo() {
    if (!token || !list?.recentlyMarked) return;
    try {
      await sendMessage('pickerUndoUsed', { token, ids: list.recentlyMarked.ids });
      setNotice(tr?.t('pickerUndone'));
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

  if (!list || !tr) {
    // No words yet (they come with the list): a busy frame, and the reason if the list cannot come.
    return (
      <div className="picker" ref={rootRef} role="dialog" aria-busy="true" data-armed={armed}>
        {error ? (
          <p className="msg msg-error" role="alert">
            {error}
          </p>
        ) : (
          <p className="empty loading" aria-hidden="true" />
        )}
      </div>
    );
  }

  const refused = list.refused;
  const marked = list.recentlyMarked && list.codes.filter((c) => list.recentlyMarked!.ids.includes(c.id));
  const row = (c: PickerCode) => (
    <CodeRow
      key={c.id}
      code={c}
      now={now}
      windowDays={windowDays}
      zone={zone}
      tr={tr}
      multi={multi}
      selected={selected.includes(c.id)}
      inField={present.has(c.code)}
      active={active?.id === c.id && activeIndex >= 0}
      confirming={confirm?.id === c.id}
      focusConfirm={!!confirm?.focus}
      busy={busy}
      armed={armed}
      onFill={(e) => onFillClick(c, e)}
      onFillAnyway={(e) => e.isTrusted && void fill([c.id], viaOf(e))}
      onCancelConfirm={() => setConfirm(undefined)}
      onToggle={() => toggle(c.id)}
      onKeyDown={(e) => onRowKeyDown(c.id, e)}
    />
  );
  const nothing = !sections.ready.length && !sections.usedHere.length && !(showExpired && sections.expired.length);
  const names = (codes: PickerCode[]) => codes.map((c) => c.creatorHandle ?? shortCode(c.code)).join(', ');

  return (
    <div className="picker" ref={rootRef} onKeyDown={onRootKeyDown} role="dialog" aria-label={tr.t('pickerTitle')} data-armed={armed}>
      <PickerHeader tr={tr} account={accountLabel(list, tr)} accountId={list.advertiserId} onClose={() => close(true)} />

      {marked && marked.length > 0 && (
        <div className="banner" role="status">
          <span>{tr.t('pickerMarkedUsed', { names: names(marked) })}</span>
          <button type="button" className="link-btn" onClick={() => void undo()}>
            {tr.t('pickerUndo')}
          </button>
        </div>
      )}

      {refused && (
        <div className="banner banner-refused" role="status">
          <span>{tr.t('pickerRefused', { who: refused.creatorHandle ?? shortCode(refused.code), message: refused.message })}</span>
          <button type="button" className="link-btn" onClick={() => void requestRenewal(refused.id)}>
            {tr.t('pickerRequestRenewal')}
          </button>
        </div>
      )}

      <div className="list-wrap">
        <ul
          className="list"
          ref={listRef}
          aria-label={query.trim() ? tr.t('pickerMatching', { query: query.trim() }) : tr.t('pickerListLabel')}
        >
          {sections.ready.map(row)}
          {sections.usedHere.length > 0 && <li className="section">{tr.t('pickerUsedHere')}</li>}
          {sections.usedHere.map(row)}
          {showExpired && sections.expired.length > 0 && <li className="section">{tr.t('pickerExpiredSection')}</li>}
          {showExpired && sections.expired.map(row)}
        </ul>
        {nothing && (
          <p className="empty">
            {query.trim()
              ? tr.t('pickerNoMatch', { query: query.trim() })
              : list.codes.length
                ? tr.t('pickerAllExpired')
                : tr.t('pickerNone')}
          </p>
        )}
        <ShowExpiredToggle tr={tr} checked={showExpired} onChange={setShowExpired} />
      </div>

      {/* The highlighted row, for screen readers: focus stays in the page's field while ↑/↓ move it. */}
      <p className="sr-only" aria-live="polite">
        {active && activeIndex >= 0 ? fillLabel(active, now, windowDays, zone, tr) : ''}
      </p>

      {(error || notice) && (
        <p className={error ? 'msg msg-error' : 'msg'} role={error ? 'alert' : 'status'}>
          {error ?? notice}
        </p>
      )}

      {multi && selected.length > 0 && (
        <PickerFooter
          tr={tr}
          selectedCount={selected.length}
          busy={busy}
          armed={armed}
          onFillSelected={(e) => e.isTrusted && void fill(selected, viaOf(e))}
        />
      )}
    </div>
  );
}
