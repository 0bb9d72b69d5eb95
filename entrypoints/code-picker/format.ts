import { isExpiringSoon } from '@/utils/expiry';
import { dayParts } from '@/utils/i18n/dates';
import { localExpiryPhrase } from '@/utils/i18n/expiry-phrase';
import type { PickerTranslator } from '@/utils/i18n/picker';
import type { PickerCode, PickerList } from '@/utils/protocol';

/** Display rules for the picker; pure so they are tested without a browser. */

export function shortCode(code: string): string {
  return code.length > 18 ? `${code.slice(0, 9)}…${code.slice(-6)}` : code;
}

/** "Nov 20" (with the year when it is not this year's), in the display zone chosen in Settings. */
export function shortDate(at: number, now: number, zone: string, lang: string = 'en'): string {
  const sameYear = dayParts(at, zone).year === dayParts(now, zone).year;
  return new Date(at).toLocaleDateString(lang, { month: 'short', day: 'numeric', timeZone: zone, ...(sameYear ? {} : { year: 'numeric' }) });
}

export type Tone = 'expired' | 'soon' | 'ok';

/** Days are counted in `zone` (Settings' display zone), the same rule as the popup and dashboard. */
/** `text` starts a line ("Expires in 2 days"); `phrase` goes mid-sentence ("expires in 2 days"), as the language writes it. */
export function expiryLine(c: PickerCode, now: number, windowDays: number, zone: string, tr: PickerTranslator): { text: string; phrase: string; tone: Tone } {
  if (c.expiresAt <= now) {
    const text = tr.t('pickerExpiredOn', { date: shortDate(c.expiresAt, now, zone, tr.lang) });
    return { text, phrase: text, tone: 'expired' };
  }
  const soon = isExpiringSoon({ expiresAt: c.expiresAt, archived: 0 }, now, windowDays);
  const phrase = localExpiryPhrase(tr, c.expiresAt, now, zone);
  return { text: phrase.charAt(0).toLocaleUpperCase(tr.lang) + phrase.slice(1), phrase, tone: soon ? 'soon' : 'ok' };
}

/** Case-insensitive match on creator, note or code (the code with or without its #). */
export function matchesQuery(c: PickerCode, query: string): boolean {
  const q = query.trim().toLowerCase().replace(/^@/, '');
  if (!q) return true;
  return [c.creatorHandle?.replace(/^@/, ''), c.notes, c.code, c.code.replace(/^#/, '')].some((v) => v?.toLowerCase().includes(q));
}

export function creatorName(c: PickerCode, tr: PickerTranslator): string {
  return c.creatorHandle ?? tr.t('pickerUnknownCreator');
}

export function fillLabel(c: PickerCode, now: number, windowDays: number, zone: string, tr: PickerTranslator): string {
  return tr.t('pickerFillLabel', { code: shortCode(c.code), who: creatorName(c, tr), expiry: expiryLine(c, now, windowDays, zone, tr).phrase });
}

export interface PickerSections {
  /** Not used in this account yet, soonest expiry first: what the user most likely wants. */
  ready: PickerCode[];
  /** Already used in this account ("Used here"): further down, soonest expiry first. */
  usedHere: PickerCode[];
  /** Most recently expired first (shown on request): the one the user is most likely looking for. */
  expired: PickerCode[];
}

/** The list as the picker shows it, for the query typed in the field. */
export function arrangeCodes(codes: readonly PickerCode[], query: string, now: number): PickerSections {
  const shown = codes.filter((c) => matchesQuery(c, query));
  const soonest = (a: PickerCode, b: PickerCode) => a.expiresAt - b.expiresAt || a.id - b.id;
  const usable = shown.filter((c) => c.expiresAt > now).sort(soonest);
  return {
    ready: usable.filter((c) => !c.usedHere),
    usedHere: usable.filter((c) => c.usedHere),
    expired: shown.filter((c) => c.expiresAt <= now).sort((a, b) => b.expiresAt - a.expiresAt || a.id - b.id),
  };
}

/**
 * The account the list is for: its name when the TikTok connection learned it, else a shortened ID
 * that still tells two accounts apart ("Ad account 7012…4567"), never a bare 19-digit number.
 */
export function accountLabel(list: Pick<PickerList, 'accountName' | 'advertiserId'> | undefined, tr: PickerTranslator): string | undefined {
  if (list?.accountName) return list.accountName;
  const id = list?.advertiserId;
  if (!id) return undefined;
  return tr.t('pickerAccountNumber', { id: id.length > 10 ? `${id.slice(0, 4)}…${id.slice(-4)}` : id });
}
