import { expiryPhrase, isExpiringSoon } from '@/utils/expiry';
import { dayParts } from '@/utils/i18n/dates';
import type { PickerCode } from '@/utils/protocol';

/** Display rules for one code in the picker; pure so they are tested without a browser. */

export function shortCode(code: string): string {
  return code.length > 18 ? `${code.slice(0, 9)}…${code.slice(-6)}` : code;
}

/** "Nov 20" (with the year when it is not this year's), in the display zone chosen in Settings. */
export function shortDate(at: number, now: number, zone: string): string {
  const sameYear = dayParts(at, zone).year === dayParts(now, zone).year;
  return new Date(at).toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: zone, ...(sameYear ? {} : { year: 'numeric' }) });
}

export type Tone = 'expired' | 'soon' | 'ok';

/** Days are counted in `zone` (Settings' display zone), the same rule as the popup and dashboard. */
export function expiryLine(c: PickerCode, now: number, windowDays: number, zone: string): { text: string; tone: Tone } {
  if (c.expiresAt <= now) return { text: `Expired on ${shortDate(c.expiresAt, now, zone)}`, tone: 'expired' };
  const soon = isExpiringSoon({ expiresAt: c.expiresAt, archived: 0 }, now, windowDays);
  const phrase = expiryPhrase(c.expiresAt, now, zone);
  return { text: phrase.charAt(0).toUpperCase() + phrase.slice(1), tone: soon ? 'soon' : 'ok' };
}

/** Case-insensitive match on creator, note or code (the code with or without its #). */
export function matchesQuery(c: PickerCode, query: string): boolean {
  const q = query.trim().toLowerCase().replace(/^@/, '');
  if (!q) return true;
  return [c.creatorHandle?.replace(/^@/, ''), c.notes, c.code, c.code.replace(/^#/, '')].some((v) => v?.toLowerCase().includes(q));
}

export function fillLabel(c: PickerCode, now: number, windowDays: number, zone: string): string {
  const who = c.creatorHandle ?? 'unknown creator';
  return `Fill ${shortCode(c.code)} from ${who}, ${expiryLine(c, now, windowDays, zone).text.toLowerCase()}`;
}
