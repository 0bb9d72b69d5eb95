/**
 * Text preparation before any search: undo what mail clients and HTML did to the text (entities, quoted-
 * printable, odd spaces, full-width forms), and mark regions where a base64 string is never a code.
 */

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ', plus: '+', sol: '/', equals: '=', num: '#',
  hash: '#', colon: ':', lpar: '(', rpar: ')', commat: '@', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”',
  laquo: '«', raquo: '»', zwj: '', zwnj: '', shy: '',
};

function decodeEntities(text: string): string {
  const once = (s: string) =>
    s.replace(/&(?:#(\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z]{2,8}));/g, (m, dec, hex, name) => {
      if (name !== undefined) return NAMED_ENTITIES[name.toLowerCase()] ?? m;
      const cp = dec !== undefined ? Number(dec) : parseInt(hex, 16);
      return cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : m;
    });
  if (!text.includes('&')) return text;
  const decoded = once(text);
  // Double-escaped HTML ("&amp;#43;") shows up when a mail was escaped twice.
  return decoded.includes('&') && text.includes('&amp;') ? once(decoded) : decoded;
}

/**
 * Raw quoted-printable (a mail shown without decoding): "=\n" soft line breaks, "=3D" for "=", "=C3=A9" for
 * "é". Only decoded when both a soft break and an escape are present; otherwise a code ending in "=" at the
 * end of a line would lose its padding. Stray soft breaks inside codes are also handled in `readToken`.
 */
function decodeQuotedPrintable(text: string): string {
  if (!/=\n/.test(text) || !/=(?:3D|20|09|[C-F][0-9A-F]=[89AB][0-9A-F])/.test(text)) return text;
  return text
    .replace(/=[ \t]{0,20}\n/g, '')
    .replace(/(?:=[0-9A-F]{2}){1,64}/g, (run) => {
      try {
        return decodeURIComponent(run.replace(/=/g, '%'));
      } catch {
        return run;
      }
    });
}

const FULLWIDTH: Record<string, string> = { '＃': '#', '＠': '@', '＋': '+', '／': '/', '＝': '=' };

/** Normalizes line breaks, invisible characters, odd spaces and full-width forms; decodes entities and QP. */
export function prepareText(input: string): string {
  let text = input.replace(/\r\n?|[\u2028\u2029]/g, '\n');
  text = decodeQuotedPrintable(text);
  text = decodeEntities(text);
  return text
    .replace(/[\u200B-\u200F\u2060-\u2064\uFEFF\u00AD\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[＃＠＋／＝]/g, (c) => FULLWIDTH[c]);
}

// ---------------------------------------------------------------------------------------------------------
// Regions where a base64-looking string is never a code: URLs, data: URIs, PGP / S/MIME / PEM armor.
// (Raw MIME base64 parts need no mask: their lines have no "#" and no label right before them.)

export const EXCLUDED = 1;
export const IN_CODE = 2;

const URL_RE = /(?:\b(?:https?|ftp):\/\/|\bwww\.|\bdata:[a-z]{1,20}\/)[^\s<>"'`“”‘’«»]+/gi;

export function buildExclusionMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  for (const m of text.matchAll(URL_RE)) mask.fill(EXCLUDED, m.index, m.index + m[0].length);

  // -----BEGIN PGP MESSAGE----- … -----END PGP MESSAGE----- (also S/MIME, certificates). Unclosed: to the end.
  for (let i = text.indexOf('-----BEGIN '); i !== -1; i = text.indexOf('-----BEGIN ', i + 1)) {
    if (text.startsWith('-----BEGIN PGP SIGNED MESSAGE-----', i)) {
      // Clear-signed: the message itself is readable text (it may hold a code); only its signature is armor.
      continue;
    }
    const endMarker = text.indexOf('-----END ', i);
    const end = endMarker === -1 ? text.length : lineEnd(text, endMarker);
    mask.fill(EXCLUDED, i, end);
    if (endMarker === -1) break;
    i = end - 1;
  }

  return mask;
}

/** Index of the `\n` ending the line that contains `i` (or text.length). */
export function lineEnd(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  return nl === -1 ? text.length : nl;
}
