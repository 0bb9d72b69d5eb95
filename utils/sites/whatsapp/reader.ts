import { chatSite, type ChatReader, type RowFacts } from '../../capture/chat-site';
import { cleanText, firstMatch } from '../../capture/dom';
import type { SiteAdapter } from '../../capture/types';
import { WHATSAPP } from './selectors';

/** What WhatsApp calls the signed-in user in `data-pre-plain-text` (newer builds use the profile name). */
const YOU = /^(you|você|tú|vous|du|tu|voi|jij|ty|sen|anda)$/i;
const EARLIEST = Date.UTC(2009, 0, 1);

/**
 * "[8:19 PM, 6/13/2026] Name: " / "[15:33, 14/9/2026] Magali: " / "[13:38, 15/08/2026] Fulano: ".
 * The date is in the account's locale order: a part over 12 settles it, otherwise `numericOrder`
 * (from the browser's language) does. Local time, epoch ms; undefined when unsure.
 */
export function parsePrePlainText(text: string, numericOrder: 'mdy' | 'dmy'): { sentAt?: number; sender?: string } {
  const m = /^\[([^\]]+?),\s*([^\]]+?)\]\s*(.*?):\s*$/.exec(text.replace(/[\u200e\u200f\u202f\u00a0]/g, ' '));
  if (!m) return {};
  const sender = cleanText(m[3]);
  const t = /^(\d{1,2})[:.](\d{2})(?:\s*([ap])\.?\s*m\.?)?$/i.exec(m[1].trim());
  const d = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{2,4})$/.exec(m[2].trim());
  if (!t || !d) return { sender };
  let hour = Number(t[1]);
  const minute = Number(t[2]);
  if (t[3]) {
    if (hour < 1 || hour > 12) return { sender };
    hour = (hour % 12) + (/p/i.test(t[3]) ? 12 : 0);
  }
  let [a, b] = [Number(d[1]), Number(d[2])];
  const c = Number(d[3]);
  let year: number;
  let month: number;
  let day: number;
  if (d[1].length === 4) [year, month, day] = [a, b, c];
  else {
    year = c < 100 ? 2000 + c : c;
    const order = a > 12 ? 'dmy' : b > 12 ? 'mdy' : numericOrder;
    if (order === 'mdy') [a, b] = [b, a];
    [day, month] = [a, b];
  }
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return { sender };
  const at = new Date(year, month - 1, day, hour, minute);
  if (at.getDate() !== day || at.getTime() < EARLIEST) return { sender };
  return { sentAt: at.getTime(), sender };
}

const numericOrderOf = (lang: string): 'mdy' | 'dmy' => (/^en(-US)?$/i.test(lang) || /^en-(PH|CA)$/i.test(lang) ? 'mdy' : 'dmy');

function rowFacts(row: Element, language: string): RowFacts {
  const pre = firstMatch(row, WHATSAPP.prePlain)?.getAttribute('data-pre-plain-text');
  const id = (row.matches('[data-id]') ? row : firstMatch(row, WHATSAPP.messageId))?.getAttribute('data-id') ?? undefined;
  // Media, stickers, dividers and notices carry no pre-plain text: they say nothing about a sender.
  if (!pre) return { id };
  const { sentAt, sender } = parsePrePlainText(pre, numericOrderOf(language));
  const selfIcon = !!firstMatch(row, WHATSAPP.self) && !firstMatch(row, WHATSAPP.other);
  if ((sender && YOU.test(sender)) || selfIcon) return { self: true, sentAt, id };
  return { senderName: sender, sentAt, id };
}

export function whatsappSite(pageUrl?: () => string, now?: () => number, language: () => string = () => navigator.language): SiteAdapter {
  const reader: ChatReader = {
    kind: 'whatsapp',
    selectors: WHATSAPP,
    isActive: (url) => url.hostname === 'web.whatsapp.com',
    rowFacts: (row) => rowFacts(row, language()),
  };
  return chatSite(reader, pageUrl, now);
}
