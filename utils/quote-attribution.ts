/**
 * The date in the line a mail program writes above a quoted earlier message ("On Mon, Oct 5, 2026 at 3:12 PM
 * Maya <maya@…> wrote:", "Am Mo., 5. Okt. 2026 um 15:12 Uhr schrieb …:", Outlook's "Sent: Monday, October 5,
 * 2026 3:12 PM"), as date text the mail-date parser reads. A code inside the quote was sent then, not on the
 * reply's date. Pure; no dependencies (runs in the background beside utils/mail-date.ts).
 */

const TIME = String.raw`\d{1,2}[:.h]\d{2}(?:\s?(?:[AaPp]\.?\s?[Mm]\.?|Uhr|h))?`;

/** Opening word, and the words between date and time, per language. */
const ATTRIBUTIONS: RegExp[] = [
  // en (Gmail, Apple Mail, Thunderbird): On <date>[,] at <time>[,] <name> wrote:
  new RegExp(String.raw`^\s*On\s+(.+?\d{4}),?\s+(?:at\s+)?(${TIME})`, 'i'),
  // de: Am <date> um <time> schrieb
  new RegExp(String.raw`^\s*Am\s+(.+?\d{4}),?\s+(?:um\s+)?(${TIME})`, 'i'),
  // fr: Le <date> à <time>, … a écrit
  new RegExp(String.raw`^\s*Le\s+(.+?\d{4}),?\s+(?:à\s+)?(${TIME})`, 'i'),
  // es: El <date> a las <time>, … escribió
  new RegExp(String.raw`^\s*El\s+(.+?\d{4}),?\s+(?:a\s+las?\s+)?(${TIME})`, 'i'),
  // pt: Em <date> às <time>, … escreveu
  new RegExp(String.raw`^\s*Em\s+(.+?\d{4}),?\s+(?:às\s+)?(${TIME})`, 'i'),
  // it: Il giorno <date> alle ore <time> … ha scritto
  new RegExp(String.raw`^\s*Il(?:\s+giorno)?\s+(.+?\d{4}),?\s+(?:alle(?:\s+ore)?\s+)?(${TIME})`, 'i'),
  // nl: Op <date> om <time> schreef
  new RegExp(String.raw`^\s*Op\s+(.+?\d{4}),?\s+(?:om\s+)?(${TIME})`, 'i'),
];

/**
 * Outlook's header block above a forwarded or quoted message ("From: … / Sent: … / To: … / Subject: …"), in the
 * sender's language: its first line and its date line. The mail readers import these to find the block.
 */
export const OUTLOOK_FROM = /^\s*(?:From|Von|De|Da|Van|Från|Fra)\s*:/i;
export const OUTLOOK_SENT = /^\s*(?:Sent|Date|Gesendet|Datum|Envoyé|Date d'envoi|Enviado|Fecha|Data|Verzonden|Inviato)\s*:\s*(.+?)\s*$/im;

const WROTE = /\b(?:wrote|schrieb|a écrit|escribió|escreveu|ha scritto|schreef)\s*:?\s*$/i;

/** The date text of an attribution line (to hand to parseMailDate), or undefined when the line is not one. */
export function attributionDateText(line: string): string | undefined {
  const text = line.replace(/\s+/g, ' ').trim();
  if (!text || text.length > 400) return undefined;
  if (WROTE.test(text) || /^(?:On|Am|Le|El|Em|Il|Op)\b/i.test(text)) {
    for (const re of ATTRIBUTIONS) {
      const m = re.exec(text);
      if (m) return `${m[1].replace(/,\s*$/, '')}, ${m[2].replace(/\s*Uhr$/i, '').replace(/(\d)h(\d)/, '$1:$2')}`;
    }
  }
  const sent = OUTLOOK_SENT.exec(line);
  return sent ? sent[1] : undefined;
}
