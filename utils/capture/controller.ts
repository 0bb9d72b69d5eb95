import type { CaptureInput } from '../code-record';
import { BATCH } from '../vault/limits';
import { barSay, type BarSay } from './bar-say';
import { createControlBar, type BarCode, type ControlBar } from './control-bar';
import type { BarChoice } from './expiry-parts';
import { dateText } from './date-text';
import { HOST_ATTR, toHandle } from './dom';
import { createHighlighter } from './highlight';
import { applyPageTheme } from './theme';
import { findCodes, type FoundCode } from './find-codes';
import { backgroundSender, type SendToBackground } from './messaging';
import type { CaptureUnit, MessageMeta, SiteAdapter } from './types';

/** The parts of WXT's ContentScriptContext capture needs (tests pass a stand-in). */
export interface CaptureContext {
  readonly isValid: boolean;
  onInvalidated(cb: () => void): unknown;
  setTimeout(handler: () => void, ms?: number): number;
  setInterval?(handler: () => void, ms?: number): number;
}

/**
 * WXT notices an extension update or reload only when something reads ctx.isValid. A quiet
 * page causes no scans, so a slow tick reads it: the controls then go away instead of
 * lingering with buttons that can no longer save.
 */
const VALIDITY_CHECK_MS = 3000;

export interface CaptureOptions {
  site: SiteAdapter;
  send?: SendToBackground;
  window?: Window;
  log?: Pick<Console, 'warn'>;
  /** How long a page may take to show a known layout before we give up with a warning. */
  recogniseWithinMs?: number;
  /** Pause between a page change and the scan it triggers; bursts of changes cost one scan. */
  batchMs?: number;
  /** The page's URL (tests run on a jsdom URL). */
  pageUrl?: () => string;
}

export interface Capture {
  /** Runs a scan now (tests; the observer schedules its own). */
  scan(): Promise<void>;
  /** The page's URL changed without a reload (WXT's wxt:locationchange). */
  navigated(): void;
  stop(): void;
}

const PERIODS = new Set([7, 30, 60, 365]);
/** Words that make a clipped message worth a note even when the visible part has no code. */
const CODE_WORDS = /\b(ad|spark|video|post|boost|auth\w*|allowlist\w*|whitelist\w*)\s+codes?\b|c[oó]digo|codice|Code|コード/i;

function detailOf(found: FoundCode, meta: MessageMeta, { t, n }: BarSay): Pick<BarCode, 'detail' | 'warning'> {
  const handle = found.creatorHandle ?? meta.partnerHandle;
  const parts = [
    handle,
    found.periodDays ? n('{count} day', '{count} days', found.periodDays) : undefined,
    found.postUrl ? t('video linked') : undefined,
  ];
  return {
    detail: parts.filter(Boolean).join(' · '),
    warning: found.periodDays ? undefined : t('no period stated'),
  };
}

/** Only what the background will accept: anything doubtful is left out, never guessed. */
function toCapture(found: FoundCode, meta: MessageMeta, kind: SiteAdapter['kind'], pageUrl: string, choice: BarChoice = {}): CaptureInput {
  const handle = toHandle(found.creatorHandle) ?? toHandle(meta.partnerHandle);
  const url = meta.url ?? pageUrl;
  const source = Object.fromEntries(
    Object.entries({
      kind,
      senderName: meta.senderName,
      senderEmail: meta.senderEmail,
      subject: meta.subject,
      url: /^https?:\/\//.test(url) ? url.slice(0, 4096) : undefined,
      messageId: meta.messageId,
    }).filter(([, v]) => v !== undefined && v !== ''),
  ) as unknown as CaptureInput['source'];
  const input: CaptureInput = { code: found.code, source };
  if (found.periodDays && PERIODS.has(found.periodDays)) input.periodDays = found.periodDays;
  if (handle) input.creatorHandle = handle;
  if (found.postUrl?.startsWith('https://')) input.postUrl = found.postUrl;
  if (meta.sentAt !== undefined) input.sentAt = meta.sentAt;
  if (meta.sentAtText) input.sentAtText = meta.sentAtText;
  return withChoice(input, choice);
}

/**
 * A code found only in a quote was sent when the quoted message was: its "On … wrote:" line is the date
 * text to read (no line, or one that does not read → the bar asks), never the reply's date.
 */
function metaFor(unit: CaptureUnit, found: FoundCode): MessageMeta {
  const meta = unit.meta(found.segment);
  if (!found.quotedOnly) return meta;
  const { sentAt: _reply, sentAtText: _replyText, ...rest } = meta;
  // The quote's date is printed as the page prints dates ("Sent: 10/5/2026 3:12 PM" reads in the page's order).
  const quoted = found.attribution ? dateText([found.attribution], Date.now(), meta.sentAtText?.numericOrder) : undefined;
  return quoted ? { ...rest, sentAtText: quoted } : rest;
}

/** The user's answers in the bar win: a chip's period, and the arrival date (asked only when the page's did not read). */
function withChoice(input: CaptureInput, { period, sentAt }: BarChoice): CaptureInput {
  const out = { ...input };
  if (period) Object.assign(out, { periodDays: period, periodChosen: true });
  if (sentAt !== undefined) {
    out.sentAt = sentAt;
    delete out.sentAtText;
  }
  return out;
}

/** What every bar on the page shares: the background's stylesheet and words. */
interface Kit {
  css: string;
  say: BarSay;
}

interface Shown {
  signature: string;
  bars: ControlBar[];
}

/**
 * Finds codes in the site's messages and places Save controls next to them, keeping up with
 * a single-page app: one batched MutationObserver, paused while the tab is hidden or the
 * page is not one where codes arrive, and torn down with every control when WXT invalidates
 * the script (extension update or reload). Never throws into the page.
 */
export function startCapture(ctx: CaptureContext, options: CaptureOptions): Capture {
  const win = options.window ?? window;
  const doc = win.document;
  const { site } = options;
  const send = options.send ?? backgroundSender();
  const log = options.log ?? console;
  const batchMs = options.batchMs ?? 150;
  const pageUrl = options.pageUrl ?? (() => win.location.href);
  const active = () => site.isActive(new URL(pageUrl()));
  const shown = new Map<Element, Shown>();
  const highlighter = createHighlighter(doc);
  const saved = new Set<string>();
  const warned = new Set<string>();
  let recognisedOnce = false;
  let scheduled = false;
  let observing = false;
  let stopped = false;

  const warnOnce = (key: string, message: string) => {
    if (warned.has(key)) return;
    warned.add(key);
    log.warn(`[Ad Code Keeper] ${message}`);
  };

  const bars = () => [...shown.values()].flatMap((s) => s.bars);
  const removeUnit = (key: Element) => {
    shown.get(key)?.bars.forEach((b) => b.host.remove());
    shown.delete(key);
  };
  const removeAll = () => {
    [...shown.keys()].forEach(removeUnit);
    // Also any control a previous run of this script left behind.
    doc.querySelectorAll(`[${HOST_ATTR}]`).forEach((h) => h.remove());
  };

  const markSaved = (codes: Iterable<string>) => {
    for (const c of codes) saved.add(c);
    for (const bar of bars()) for (const c of bar.codes) if (saved.has(c)) bar.markSaved(c);
  };

  /** Save, or (call 'applyFromPage') save if needed and open the Apply dialog: the background does both. */
  const save = async (
    unit: CaptureUnit,
    found: FoundCode[],
    codes: string[],
    choices: Map<string, BarChoice>,
    { t, error }: BarSay,
    call: 'saveCodes' | 'applyFromPage' = 'saveCodes',
  ) => {
    const captures = found
      .filter((f) => codes.includes(f.code))
      .map((f) => toCapture(f, metaFor(unit, f), site.kind, pageUrl(), choices.get(f.code)));
    // One message carries at most BATCH.save codes; "Save all" on a longer list sends it in parts.
    const results = [];
    for (let i = 0; i < captures.length; i += BATCH.save)
      results.push(...(await send(call, { captures: captures.slice(i, i + BATCH.save) })));
    const failed = results.filter((r) => r.outcome === 'invalid');
    markSaved(results.filter((r) => r.outcome !== 'invalid').map((r) => r.code));
    // The vault's usual reason is one of the bar's words: shown in the user's language.
    if (failed.length)
      throw new Error(t('Not saved: {reason}', { reason: failed[0].reason ? error(failed[0].reason) : t('this is not an ad code.') }));
  };

  const signatureOf = (unit: CaptureUnit) => `${unit.clippedLink ?? ''}|${unit.segments.map((s) => s.textContent?.length ?? 0).join(',')}`;

  const extract = (text: string) => send('findCodes', { text });
  // Asked once, when the first bar is about to show; a bar without styles still works and reads in English, so a failure is not fatal.
  let kit: Promise<Kit> | undefined;
  const barKit = () =>
    (kit ??= send('barKit', {})
      .catch(() => undefined)
      .then((k) => ({ css: k?.css ?? '', say: barSay(k) })));
  // Asked once per page: the API feature is rarely switched while a mail is open.
  let canApply: Promise<boolean> | undefined;
  const applyReady = () => (canApply ??= send('applyReady', {}).catch(() => false));

  /** Places the unit's bars for the codes it found. */
  const show = (unit: CaptureUnit, all: FoundCode[], text: string, claimed: Set<string>, { css, say }: Kit) => {
    // A code this page already shows (or shows elsewhere unquoted) gets no second control for a quoted copy.
    const found = all.filter((f) => !(f.quotedOnly && claimed.has(f.code)));
    found.forEach((f) => claimed.add(f.code));
    const clipped = unit.clippedLink && (all.length || CODE_WORDS.test(text)) ? unit.clippedLink : undefined;
    const entry: Shown = { signature: signatureOf(unit), bars: [] };
    shown.set(unit.key, entry);
    if (!found.length && !clipped) return;
    const meta = unit.meta();
    const bySegment = new Map<Element, FoundCode[]>();
    for (const f of found) bySegment.set(f.segment, [...(bySegment.get(f.segment) ?? []), f]);
    if (!bySegment.size) bySegment.set(unit.segments[0], []);
    let first = true;
    for (const [segment, codes] of bySegment) {
      const bar = createControlBar(doc, {
        // Chats: each code's own message says who sent it.
        codes: codes.map((f) => ({
          code: f.code,
          askPeriod: !f.periodDays,
          quoted: f.quotedOnly,
          context: f.context,
          ...detailOf(f, unit.noun === 'chat' ? unit.meta(f.segment) : meta, say),
        })),
        clipped: first && clipped ? { open: () => win.open(clipped, '_blank', 'noopener'), siteName: unit.siteName } : undefined,
        save: (chosen, choices) => save(unit, found, chosen, choices, say),
        describe: (code, choice) => {
          const f = codes.find((x) => x.code === code)!;
          const c = withChoice(toCapture(f, metaFor(unit, f), site.kind, pageUrl()), choice);
          return send('describeExpiry', {
            periodDays: c.periodDays,
            periodChosen: c.periodChosen,
            sentAt: c.sentAt,
            sentAtText: c.sentAtText,
          });
        },
        noun: unit.noun,
        css,
        say,
        point: (code) => highlighter.show(code ? codes.find((x) => x.code === code)?.locate() : undefined),
        apply: (chosen, choices) => save(unit, found, chosen, choices, say, 'applyFromPage'),
        canApply: applyReady(),
      });
      first = false;
      unit.place(bar.host, segment);
      applyPageTheme(bar.host);
      entry.bars.push(bar);
      codes.forEach((f) => saved.has(f.code) && bar.markSaved(f.code));
    }
  };

  const scanOnce = async () => {
    if (stopped || !ctx.isValid) return;
    if (!active()) {
      removeAll();
      return;
    }
    if (!site.isRecognised(doc)) {
      if (recognisedOnce) {
        warnOnce('layout-changed', `${site.kind}: the page layout changed to one this version does not know; Save controls removed.`);
        removeAll();
      }
      return;
    }
    recognisedOnce = true;
    let units: CaptureUnit[];
    try {
      units = site.findUnits(doc);
    } catch (e) {
      warnOnce('find-failed', `${site.kind}: could not read this page (${e instanceof Error ? e.message : e}).`);
      return;
    }
    for (const key of [...shown.keys()]) if (!key.isConnected) removeUnit(key);

    // Read every changed unit first (one round trip each), then place: a message's own copy of
    // a code wins over a quoted one wherever they are (Outlook can list newest first).
    const claimed = new Set<string>();
    const read: { unit: CaptureUnit; codes: FoundCode[]; text: string }[] = [];
    for (const unit of units) {
      const before = shown.get(unit.key);
      if (before && before.signature === signatureOf(unit) && before.bars.every((b) => b.host.isConnected)) {
        before.bars.forEach((b) => b.codes.forEach((c) => claimed.add(c)));
        continue;
      }
      removeUnit(unit.key);
      try {
        read.push({ unit, ...(await findCodes(unit, extract)) });
      } catch (e) {
        // Mark it read anyway, so a failing message is not retried on every page change.
        shown.set(unit.key, { signature: signatureOf(unit), bars: [] });
        warnOnce('unit-failed', `${site.kind}: skipped a message (${e instanceof Error ? e.message : e}).`);
      }
      if (stopped) return;
    }
    for (const r of read) {
      markSaved(r.codes.filter((f) => f.saved).map((f) => f.code));
      r.codes.forEach((f) => !f.quotedOnly && claimed.add(f.code));
    }
    const shared = read.some((r) => r.codes.length || r.unit.clippedLink) ? await barKit() : { css: '', say: barSay() };
    if (stopped) return;
    for (const r of read) if (r.unit.key.isConnected && !shown.has(r.unit.key)) show(r.unit, r.codes, r.text, claimed, shared);
  };

  // One scan at a time: a page change during a scan asks for one more pass afterwards.
  let running: Promise<void> | undefined;
  let again = false;
  const scan = async (): Promise<void> => {
    scheduled = false;
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await scanOnce();
      } while (again && !stopped);
    })().finally(() => (running = undefined));
    return running;
  };

  const schedule = () => {
    if (scheduled || stopped) return;
    scheduled = true;
    ctx.setTimeout(() => void scan(), batchMs);
  };

  const observer = new MutationObserver((records) => {
    // Our own controls going in must not wake us up again.
    const ours = records.every(
      (r) =>
        r.type === 'childList' &&
        [...r.addedNodes, ...r.removedNodes].every((n) => n.nodeType === 1 && (n as Element).hasAttribute(HOST_ATTR)),
    );
    if (!ours) schedule();
  });

  const sync = () => {
    const wanted = !stopped && doc.visibilityState !== 'hidden' && active();
    if (wanted && !observing) {
      observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true });
      observing = true;
      schedule();
    } else if (!wanted && observing) {
      observer.disconnect();
      observing = false;
    }
    if (!wanted && !active()) removeAll();
  };

  const onNavigate = () => {
    sync();
    schedule();
  };
  win.addEventListener('popstate', onNavigate);
  win.addEventListener('hashchange', onNavigate);
  doc.addEventListener('visibilitychange', sync);

  const stop = () => {
    if (stopped) return;
    stopped = true;
    observer.disconnect();
    observing = false;
    win.removeEventListener('popstate', onNavigate);
    win.removeEventListener('hashchange', onNavigate);
    doc.removeEventListener('visibilitychange', sync);
    removeAll();
  };
  ctx.onInvalidated(stop);
  ctx.setInterval?.(() => void ctx.isValid, VALIDITY_CHECK_MS);

  ctx.setTimeout(() => {
    if (!recognisedOnce && !stopped && active() && !site.isRecognised(doc)) {
      warnOnce('layout-unknown', `${site.kind}: page layout not recognised; no Save controls added.`);
    }
  }, options.recogniseWithinMs ?? 10_000);

  sync();
  return { scan, stop, navigated: onNavigate };
}
