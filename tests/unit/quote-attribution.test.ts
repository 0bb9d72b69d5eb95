import { describe, expect, it } from 'vitest';
import { attributionDateText } from '@/utils/quote-attribution';
import { parseMailDate } from '@/utils/mail-date';
import { zoneClock } from '@/utils/mail-date-zone';
import { resolveSentAt } from '@/utils/sent-at';

const now = Date.UTC(2026, 11, 1, 12);
const berlin = zoneClock('Europe/Berlin');
// Oct 5, 2026 15:12 in Berlin (summer time) = 13:12 UTC.
const OCT5 = Date.UTC(2026, 9, 5, 13, 12);

describe('the date above a quoted earlier message', () => {
  it.each([
    'On Mon, Oct 5, 2026 at 3:12 PM Maya Lopez <maya@mayacreates.co> wrote:',
    'On Oct 5, 2026, at 3:12 PM, Maya Lopez <maya@mayacreates.co> wrote:',
    'On 5 Oct 2026, at 15:12, Maya Lopez <maya@mayacreates.co> wrote:',
    'Am Mo., 5. Okt. 2026 um 15:12 Uhr schrieb Maya Lopez <maya@mayacreates.co>:',
    'Le lun. 5 oct. 2026 à 15:12, Maya Lopez <maya@mayacreates.co> a écrit :',
    'El lun, 5 oct 2026 a las 15:12, Maya Lopez (<maya@mayacreates.co>) escribió:',
    'Em seg., 5 de out. de 2026 às 15:12, Maya Lopez <maya@mayacreates.co> escreveu:',
    'Il giorno lun 5 ott 2026 alle ore 15:12 Maya Lopez <maya@mayacreates.co> ha scritto:',
    'Op ma 5 okt 2026 om 15:12 schreef Maya Lopez <maya@mayacreates.co>:',
    'Sent: Monday, October 5, 2026 3:12 PM',
    'Gesendet: Montag, 5. Oktober 2026 15:12',
    'Envoyé : lundi 5 octobre 2026 15:12',
    'Enviado: lunes, 5 de octubre de 2026 15:12',
  ])('%s → Oct 5, 2026 15:12 Berlin', (line) => {
    const text = attributionDateText(line);
    expect(text).toBeDefined();
    expect(parseMailDate(text, { now, zone: berlin })).toBe(OCT5);
  });

  it.each(['Thanks Maya, see you on Monday!', 'On second thought, here is the code', 'Le code est ci-dessous', ''])('not an attribution: %j', (line) => {
    const text = attributionDateText(line);
    expect(text === undefined || parseMailDate(text, { now, zone: berlin }) === undefined).toBe(true);
  });

  it('a weekday that contradicts the date is refused, never guessed', () => {
    const text = attributionDateText('On Tue, Oct 5, 2026 at 3:12 PM Maya <maya@x.co> wrote:');
    expect(parseMailDate(text, { now, zone: berlin })).toBeUndefined();
  });

  it('the background reads an attribution line sent as a date text', () => {
    const at = resolveSentAt({ sentAtText: { texts: ['On Mon, Oct 5, 2026 at 3:12 PM Maya <maya@x.co> wrote:'], now } });
    // The background reads in the browser's zone; compare the wall clock.
    expect(at).toBeDefined();
    expect(new Date(at!).getDate()).toBe(5);
    expect(new Date(at!).getMonth()).toBe(9);
    expect(resolveSentAt({ sentAtText: { texts: ['Tue, Oct 6, 2026, 9:00 AM'], now } })).toBeDefined();
  });
});
