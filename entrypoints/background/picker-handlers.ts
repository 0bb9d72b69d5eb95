import { browser, type Browser } from 'wxt/browser';
import type { AdCodeRecord } from '@/utils/code-record';
import type { CodesDb } from '@/utils/vault/db';
import { applyTikTokFacts, setUsage, undoPickerUse } from '@/utils/vault/commands';
import { getCodes, listForPicker } from '@/utils/vault/queries';
import { isExpired } from '@/utils/expiry';
import { sendMessage, type CodeProblem, type PickerCode, type PickerList, type PickerRefusal } from '@/utils/protocol';
import { applyVerification } from '@/utils/verify-apply';
import { dashboardUrl } from './notifications';
import { getSettings } from '@/utils/settings';
import { describeExpiry, shortDay } from '@/utils/expiry-derivation';
import { resolveLanguage, translator } from '@/utils/i18n';
import { resolveZone } from '@/utils/i18n/dates';
import { pickerWords } from '@/utils/i18n/picker/words';
import { isRefusalKey, refusalText, type RefusalKey } from '@/utils/i18n/picker/refusals';
import type { Vars } from '@/utils/i18n/format';
import { advertiserIdFromUrl } from '@/utils/sites/ads-manager/hosts';
import { getAccountsStore } from '@/utils/tiktok-accounts';
import type { Handlers } from './router';

/**
 * The Ads Manager code picker's side of the background. A page-side script registers a random
 * token; only a picker frame in the same tab that knows the token may list codes or ask for a
 * fill, and a fill goes back to exactly the frame that registered it.
 */

export interface PickerSession {
  tabId: number;
  /** The content script's frame. */
  frameId: number;
  /** The picker frame the content script vouched for (pickerBind); the only one that may use the session. */
  pickerFrameId?: number;
  advertiserId?: string;
  registeredAt: number;
  lastMarked?: { ids: number[]; at: number; advertiserId?: string };
  /** Codes this page's picker filled: only about these may the page report TikTok's refusal. */
  filledIds?: number[];
  refused?: PickerRefusal;
}

/** The account's name as the TikTok connection learned it (/advertiser/info/); none without the API. */
async function accountName(advertiserId: string | undefined): Promise<string | undefined> {
  if (!advertiserId) return undefined;
  try {
    return (await getAccountsStore()).accounts.find((a) => a.advertiserId === advertiserId)?.name?.trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Our words for TikTok's verdicts under the field; the page's own text is never stored. */
const PROBLEM_WORDS: Record<CodeProblem, RefusalKey> = {
  'code-expired': 'pickerProblemExpired',
  'code-invalid': 'pickerProblemInvalid',
  'code-revoked': 'pickerProblemRevoked',
};

/** storage.session survives the service worker sleeping, is never written to disk, and content scripts cannot read it. */
const SESSIONS_KEY = 'pickerSessions';
const SESSION_MAX_AGE_MS = 24 * 3_600_000;
/** A picker frame's hello: which frame asked, so a vouching content script can bind exactly it. */
interface PickerHello {
  tabId: number;
  frameId: number;
  at: number;
}
const HELLOS_KEY = 'pickerHellos';
const HELLO_MAX_AGE_MS = 60_000;
/** A second Confirm click this soon after the first one is the same confirmation. */
const DOUBLE_CONFIRM_MS = 5_000;

type Sender = Browser.runtime.MessageSender;

/**
 * A map kept in storage.session (it survives the worker stopping, not the browser closing); each
 * write also drops the entries older than `maxAgeMs`, measured from the time `bornAt` reads.
 */
function expiringSessionMap<T>(key: string, bornAt: (entry: T) => number, maxAgeMs: number) {
  const load = async (): Promise<Record<string, T>> => {
    const got = await browser.storage.session.get(key);
    return (got[key] as Record<string, T> | undefined) ?? {};
  };
  const save = async (id: string, entry: T | undefined, now: number) => {
    const all = await load();
    if (entry) all[id] = entry;
    else delete all[id];
    for (const [k, e] of Object.entries(all)) if (now - bornAt(e) > maxAgeMs) delete all[k];
    await browser.storage.session.set({ [key]: all });
  };
  return { load, save };
}

const sessions = expiringSessionMap<PickerSession>(SESSIONS_KEY, (s) => s.registeredAt, SESSION_MAX_AGE_MS);
const hellos = expiringSessionMap<PickerHello>(HELLOS_KEY, (h) => h.at, HELLO_MAX_AGE_MS);
const loadSessions = sessions.load;
const saveSession = sessions.save;
const loadHellos = hellos.load;
const saveHello = hellos.save;

function randomNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

class PickerRefused extends Error {}

const userLanguage = async () => resolveLanguage((await getSettings()).language, globalThis.navigator?.languages);

/** A refusal in the user's UI language: the list shows it, often before its own words arrive. */
async function pickerSay(key: RefusalKey, vars?: Vars): Promise<string> {
  return refusalText(await userLanguage(), key, vars);
}

const refusal = async (key: RefusalKey) => new PickerRefused(await pickerSay(key));

/**
 * The session a message belongs to: same token, same tab, and the exact frame — the content
 * script's own frame for the page side, the frame it vouched for on the picker side.
 */
async function sessionFor(token: string, sender: Sender, from: 'picker' | 'page'): Promise<PickerSession> {
  const session = (await loadSessions())[token];
  const sameTab = session && sender.tab?.id === session.tabId;
  const frameId = sender.frameId ?? 0;
  const sameFrame = session && (from === 'picker' ? session.pickerFrameId === frameId : session.frameId === frameId);
  if (!session || !sameTab || !sameFrame) throw await refusal('pickerLost');
  return session;
}

export function toPickerCode(r: AdCodeRecord, advertiserId: string | undefined, describe?: (r: AdCodeRecord) => string): PickerCode {
  const usesHere = advertiserId ? r.uses.filter((u) => u.advertiserId === advertiserId) : [];
  return {
    id: r.id!,
    code: r.code,
    creatorHandle: r.creatorHandle,
    notes: r.notes,
    expiresAt: r.expiresAt,
    status: r.status,
    usedHere: usesHere.length > 0,
    lastUsedAt: (usesHere.length ? usesHere : r.uses).at(-1)?.at,
    expiryHow: describe?.(r),
  };
}

export function pickerHandlers(db: CodesDb, changed: () => Promise<void> | void, clock: () => number = Date.now): Handlers {
  return {
    async pickerRegister({ token }, sender) {
      if (sender.tab?.id === undefined) throw await refusal('pickerNotInTab');
      const previous = (await loadSessions())[token];
      await saveSession(
        token,
        {
          ...previous,
          tabId: sender.tab.id,
          frameId: sender.frameId ?? 0,
          // From the browser's record of the sender's URL, not from the message: the page cannot choose it.
          advertiserId: advertiserIdFromUrl(sender.url ?? ''),
          registeredAt: clock(),
        },
        clock(),
      );
      const { t } = translator(await userLanguage());
      return { frameTitle: t('pickerFrameTitle'), buttonLabel: t('pickerButtonLabel'), buttonTitle: t('pickerTitle') };
    },

    async pickerBind({ token, nonce }, sender) {
      const session = await sessionFor(token, sender, 'page');
      const hello = (await loadHellos())[nonce];
      if (!hello || hello.tabId !== session.tabId || clock() - hello.at > HELLO_MAX_AGE_MS) throw await refusal('pickerLost');
      await saveHello(nonce, undefined, clock());
      await saveSession(token, { ...session, pickerFrameId: hello.frameId }, clock());
    },

    async pickerSession(_data, sender) {
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw await refusal('pickerNotInTab');
      const frameId = sender.frameId ?? 0;
      const mine = Object.entries(await loadSessions()).find(([, s]) => s.tabId === tabId && s.pickerFrameId === frameId);
      if (mine) return { token: mine[0] };
      // Not vouched for yet: the frame hands this nonce up to its parent, where only the content
      // script that created the frame accepts it (it checks the message came from that frame).
      const nonce = randomNonce();
      await saveHello(nonce, { tabId, frameId, at: clock() }, clock());
      return { nonce };
    },

    async pickerList({ token, includeExpired }, sender): Promise<PickerList> {
      const session = await sessionFor(token, sender, 'picker');
      const now = clock();
      const { alertWindowDays, timeZone, language } = await getSettings();
      const rows = await listForPicker(db, now, !!includeExpired);
      const lang = resolveLanguage(language, globalThis.navigator?.languages);
      const day = shortDay(lang, resolveZone(timeZone));
      const describe = (r: AdCodeRecord) => describeExpiry(r, translator(lang), day);
      const recent = session.lastMarked && now - session.lastMarked.at < SESSION_MAX_AGE_MS ? session.lastMarked : undefined;
      return {
        codes: rows.sort((a, b) => a.expiresAt - b.expiresAt).map((r) => toPickerCode(r, session.advertiserId, describe)),
        alertWindowDays,
        timeZone,
        now,
        advertiserId: session.advertiserId,
        accountName: await accountName(session.advertiserId),
        language: lang,
        words: pickerWords(lang),
        recentlyMarked: recent && { ids: recent.ids, at: recent.at },
        refused: session.refused && now - session.refused.at < SESSION_MAX_AGE_MS ? session.refused : undefined,
      };
    },

    async pickerFill({ token, ids, via }, sender) {
      const session = await sessionFor(token, sender, 'picker');
      const rows = await getCodes(db, ids);
      const now = clock();
      const codes: { id: number; code: string }[] = [];
      if (rows.length < ids.length) return { ok: false, error: await pickerSay('pickerCodeGone') };
      for (const r of rows) {
        if (r.archived) return { ok: false, error: await pickerSay('pickerCodeGone') };
        if (isExpired(r, now)) return { ok: false, error: await pickerSay('pickerCodeExpired', { code: r.code.slice(0, 10) }) };
        codes.push({ id: r.id!, code: r.code });
      }
      try {
        const result = await sendMessage('fillCode', { token, codes, via }, { tabId: session.tabId, frameId: session.frameId });
        if (!result.ok && isRefusalKey(result.refused)) {
          const reason = isRefusalKey(result.tamper) ? await pickerSay(result.tamper) : '';
          return { ok: false, error: await pickerSay(result.refused, { reason }) };
        }
        if (result.ok && result.filledIds?.length) {
          const fresh = (await loadSessions())[token] ?? session;
          const filledIds = [...new Set([...(fresh.filledIds ?? []), ...result.filledIds])].slice(-50);
          await saveSession(token, { ...fresh, filledIds }, now);
        }
        return result;
      } catch {
        return { ok: false, error: await pickerSay('pickerPageSilent') };
      }
    },

    async pickerConfirmed({ token, ids }, sender) {
      const session = await sessionFor(token, sender, 'page');
      const now = clock();
      const last = session.lastMarked;
      if (last && now - last.at < DOUBLE_CONFIRM_MS && ids.every((id) => last.ids.includes(id))) return { markedIds: [] };
      // The URL at the moment of Confirm: the single-page app may have switched accounts since registering.
      const advertiserId = advertiserIdFromUrl(sender.url ?? '') ?? session.advertiserId;
      const existing = await getCodes(db, ids);
      for (const r of existing) await setUsage(db, r.id!, true, now, { advertiserId });
      const markedIds = existing.map((r) => r.id!);
      await saveSession(token, { ...session, advertiserId, lastMarked: { ids: markedIds, at: now, advertiserId } }, now);
      await changed();
      return { markedIds };
    },

    async pickerCodeProblem({ token, id, problem }, sender) {
      const session = await sessionFor(token, sender, 'page');
      // A page may only speak about a code it was given by the user's own fill.
      if (!session.filledIds?.includes(id)) throw await refusal('pickerNotFilledHere');
      const [record] = await getCodes(db, [id]);
      if (!record) return { changed: false };
      const now = clock();
      const message = refusalText(await userLanguage(), PROBLEM_WORDS[problem]);
      // The same rule as an API check's code-level error: expired and deleted codes show as expired now.
      const verdict = { ok: false as const, error: { kind: problem, message } };
      const { after } = await applyTikTokFacts(db, id, record.code, (fresh) => applyVerification(fresh, verdict, now));
      if (!after) return { changed: false };
      const refused: PickerRefusal = { id, problem, creatorHandle: record.creatorHandle, code: record.code, message, at: now };
      await saveSession(token, { ...session, refused }, now);
      await changed();
      return { changed: true };
    },

    async pickerRequestRenewal({ token, id }, sender) {
      const session = await sessionFor(token, sender, 'picker');
      if (session.refused?.id !== id) throw await refusal('pickerRenewFromDashboard');
      await browser.tabs.create({ url: dashboardUrl(`code=${id}&renew=1`) });
    },

    async pickerUndoUsed({ token, ids }, sender) {
      const session = await sessionFor(token, sender, 'picker');
      const last = session.lastMarked;
      // A page's picker may only take back what it marked itself, never another use of a code.
      const undoable = ids.filter((id) => last?.ids.includes(id));
      if (!last || !undoable.length) throw await refusal('pickerNothingToUndo');
      await undoPickerUse(db, undoable, { at: last.at, advertiserId: last.advertiserId }, clock());
      const remaining = last.ids.filter((id) => !undoable.includes(id));
      await saveSession(token, { ...session, lastMarked: remaining.length ? { ...last, ids: remaining } : undefined }, clock());
      await changed();
    },

    async pickerUi(data, sender) {
      const session = await sessionFor(data.token, sender, 'picker');
      await sendMessage('pickerUiRelay', data, { tabId: session.tabId, frameId: session.frameId }).catch(() => undefined);
    },
  };
}
