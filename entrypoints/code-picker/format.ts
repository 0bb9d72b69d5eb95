import { expiryPhrase, isExpiringSoon } from '@/utils/expiry';
import type { PickerCode } from '@/utils/protocol';

/** Display rules for one code in the picker; pure so they are tested without a browser. */

export function shortCode(code: string): string {
  return code.length > 18 ? `${code.slice(0, 9)}…${code.slice(-6)}` : code;
}

export function shortDate(at: number, now: number): string {
  const d = new Date(at);
  const sameYear = d.getFullYear() === new Date(now).getFullYear();
  return d.toLocaleDateString(undefined, { month: 'short', day: 'numeric', ...(sameYear ? {} : { year: 'numeric' }) });
}

export type Tone = 'expired' | 'soon' | 'ok';

export function expiryLine(c: PickerCode, now: number, windowDays: number): { text: string; tone: Tone } {
  if (c.expiresAt <= now) return { text: `Expired on ${shortDate(c.expiresAt, now)}`, tone: 'expired' };
  const soon = isExpiringSoon({ expiresAt: c.expiresAt, archived: 0 }, now, windowDays);
  const phrase = expiryPhrase(c.expiresAt, now);
  return { text: phrase.charAt(0).toUpperCase() + phrase.slice(1), tone: soon ? 'soon' : 'ok' };
}

/** Case-insensitive match on creator, note or code (the code with or without its #). */
export function matchesQuery(c: PickerCode, query: string): boolean {
  const q = query.trim().toLowerCase().replace(/^@/, '');
  if (!q) return true;
  return [c.creatorHandle?.replace(/^@/, ''), c.notes, c.code, c.code.replace(/^#/, '')].some((v) => v?.toLowerCase().includes(q));
}

export function fillLabel(c: PickerCode, now: number, windowDays: number): string {
  const who = c.creatorHandle ?? 'unknown creator';
  return `Fill ${shortCode(c.code)} from ${who}, ${expiryLine(c, now, windowDays).text.toLowerCase()}`;
}
