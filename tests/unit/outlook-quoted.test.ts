import { afterEach, describe, expect, it, vi } from 'vitest';
import { outlookSite } from '@/utils/sites/outlook/reader';
import { startCapture } from '@/utils/capture/controller';
import { findCodes } from '@/utils/capture/find-codes';
import type { SentAtText } from '@/utils/vault/schema';
import { resolveSentAt } from '@/utils/sent-at';
import { controlRoots, fakeBackground, fakeContext, loadFixture, localExtract } from './capture-fixture';

const URL_ = 'https://outlook.live.com/mail/0/inbox/id/AAQkAGdsb3ctYXV0dW1u';
// Lena (Outlook for Windows, German): her own code, and one quoted below a "Von: … Gesendet: …" block.
const HAUL = '#kvZ0uvCY1eHNxPy8/KzmNxiMqHbhQnpQl0OH7ynIeTwltPab/0ufxQICQ3LdoM4d';
const SOUP = '#sRDGSuZ3GHOP9i0Kb7H58qP00vHTSItimfTUbVhv2jxhWwBxYeFdxl8lDoOJkQ8m';
// Dani (Outlook on the web, English): two own codes, one quoted below #divRplyFwdMsg "From: … Sent: …".
const STRETCH = '#HgYDwmT9hzsnhObVPhDFW7FwmZuWb1udQTqXkTeKlfhXUSuOl0+eQbWbu3W33ARJ';
const BOWL = '#g4brHu3QZS6R42ssXKyLBHpxwXm1YykbJyFgiOhDvXIVTtD2yikXVnXe7a3IAmZe';
const DESK = '#yOEGIA73o51XQO4QcW/NkvdRfN54rt9eOU/Gba2jSZyzirp9DXfUsvywBhwqLnFo';
const local = (y: number, m: number, d: number, h: number, min: number) => new Date(y, m - 1, d, h, min).getTime();
const site = () =>
  outlookSite(
    () => URL_,
    () => 'en-US',
  );

const running: { invalidate(): void }[] = [];
afterEach(() => running.splice(0).forEach((ctx) => ctx.invalidate()));

async function codesOf(n: number) {
  const unit = site().findUnits(document)[n];
  return { unit, codes: (await findCodes(unit, localExtract)).codes };
}

describe('Outlook reply chain (tests/fixtures/outlook/reply-chain.html)', () => {
  it('English (Outlook on the web): the code after "From: … Sent: …" is quoted, with the Sent line as its attribution', async () => {
    loadFixture('outlook/reply-chain.html');
    const { codes } = await codesOf(1);
    expect(codes.map((c) => [c.code, c.quotedOnly, c.periodDays, c.attribution])).toEqual([
      [STRETCH, false, 30, undefined],
      [BOWL, false, 7, undefined],
      [DESK, true, 60, 'Sent: Monday, October 5, 2026 3:12 PM'],
    ]);
    expect(resolveSentAt({ sentAtText: { texts: [codes[2].attribution!], now: Date.now(), numericOrder: 'mdy' } })).toBe(
      local(2026, 10, 5, 15, 12),
    );
    expect(codes.map((c) => c.locate()?.toString())).toEqual([STRETCH, BOWL, DESK]);
  });

  it('German (Outlook for Windows): a "Von: … Gesendet: …" block with no id or quote element still starts the quote', async () => {
    loadFixture('outlook/reply-chain.html');
    const { codes } = await codesOf(0);
    expect(codes.map((c) => [c.code, c.quotedOnly, c.periodDays, c.attribution])).toEqual([
      [HAUL, false, 30, undefined],
      [SOUP, true, 60, 'Gesendet: Donnerstag, 22. Oktober 2026 09:30'],
    ]);
    expect(resolveSentAt({ sentAtText: { texts: [codes[1].attribution!], now: Date.now() } })).toBe(local(2026, 10, 22, 9, 30));
  });

  it.each([
    [
      'fr',
      '<b>De :</b> Dani Reyes<br><b>Envoyé :</b> lundi 5 octobre 2026 15:12<br><b>À :</b> Jordan Kim<br><b>Objet :</b> Codes',
      'Envoyé : lundi 5 octobre 2026 15:12',
    ],
    [
      'es',
      '<b>De:</b> Dani Reyes<br><b>Enviado:</b> lunes, 5 de octubre de 2026 15:12<br><b>Para:</b> Jordan Kim<br><b>Asunto:</b> Códigos',
      'Enviado: lunes, 5 de octubre de 2026 15:12',
    ],
    [
      'pt',
      '<b>De:</b> Dani Reyes<br><b>Enviado:</b> segunda-feira, 5 de outubro de 2026 15:12<br><b>Para:</b> Jordan Kim<br><b>Assunto:</b> Códigos',
      'Enviado: segunda-feira, 5 de outubro de 2026 15:12',
    ],
    ['en, numeric', '<b>From:</b> Dani Reyes<br><b>Sent:</b> 10/5/2026 3:12:00 PM<br><b>To:</b> Jordan Kim', 'Sent: 10/5/2026 3:12:00 PM'],
  ])('a %s header block dates the quoted code', async (_, header, line) => {
    loadFixture('outlook/reply-chain.html');
    document.querySelector('[id$="divRplyFwdMsg"] font')!.innerHTML = header;
    const { codes } = await codesOf(1);
    expect(codes[2]).toMatchObject({ code: DESK, quotedOnly: true, attribution: line });
    expect(resolveSentAt({ sentAtText: { texts: [line], now: Date.now(), numericOrder: 'mdy' } })).toBe(local(2026, 10, 5, 15, 12));
  });

  it('a header in a language it cannot read still marks the quote, with no date (the bar asks)', async () => {
    loadFixture('outlook/reply-chain.html');
    const header = document.querySelector('[id$="divRplyFwdMsg"] font')!;
    header.innerHTML = '<b>Od:</b> Dani Reyes<br><b>Wysłano:</b> poniedziałek, 5 października 2026 15:12<br><b>Do:</b> Jordan Kim';
    const { codes } = await codesOf(1);
    expect(codes.map((c) => [c.quotedOnly, c.attribution])).toEqual([
      [false, undefined],
      [false, undefined],
      [true, undefined],
    ]);
  });

  it('a message that merely starts with "From:" is not a header: its code stays the message\'s own', async () => {
    loadFixture('outlook/reply-chain.html');
    const intro = document.querySelector('.x_WordSection1 p')!;
    intro.textContent = 'From: Lena, with thanks. Date: whenever suits you.';
    const border = document.querySelector('.x_WordSection1 div[style*="border-top"]')!;
    border.parentElement!.remove();
    const { codes } = await codesOf(0);
    expect(codes.map((c) => c.quotedOnly)).toEqual([false, false]);
  });

  it('"On … wrote:" lines (new Outlook, mail from other programs) date a quote too', async () => {
    loadFixture('outlook/reply-chain.html');
    const header = document.querySelector('[id$="divRplyFwdMsg"]')!;
    header.innerHTML = 'On Mon, Oct 5, 2026 at 3:12 PM Dani Reyes &lt;dani@danimoves.co&gt; wrote:';
    const { codes } = await codesOf(1);
    expect(codes[2]).toMatchObject({
      code: DESK,
      quotedOnly: true,
      attribution: 'On Mon, Oct 5, 2026 at 3:12 PM Dani Reyes <dani@danimoves.co> wrote:',
    });
  });

  it('the bar counts own codes, labels the quoted ones and asks the background to date them from the quote', async () => {
    loadFixture('outlook/reply-chain.html');
    const ctx = fakeContext();
    running.push(ctx);
    const bg = fakeBackground();
    const asked: { sentAtText?: SentAtText }[] = [];
    const send = vi.fn(async (type: string, data: never) => {
      if (type === 'describeExpiry') {
        asked.push(data);
        return { text: 'described', estimated: false, dateUnknown: false, receivedDay: 'Oct 5' };
      }
      return bg.send(type as 'findCodes', data);
    });
    const capture = startCapture(ctx, { site: site(), send: send as never, pageUrl: () => URL_, batchMs: 0, recogniseWithinMs: 50 });
    await capture.scan();
    await new Promise((r) => setTimeout(r, 0));
    const [lena, dani] = controlRoots();
    expect(lena.querySelector('.sub')?.textContent).toBe('ad code in this message · 1 from an earlier message');
    expect(dani.querySelector('.sub')?.textContent).toBe('2 ad codes in this message · 1 from an earlier message');
    const rows = [...dani.querySelectorAll<HTMLElement>('.row')];
    expect(rows.map((r) => r.querySelector('.earlier')?.textContent ?? null)).toEqual([null, null, 'from an earlier message (Oct 5)']);
    expect(rows.map((r) => (r.querySelector('.include input') as HTMLInputElement | null)?.checked ?? null)).toEqual([null, null, false]);
    // The quote's line goes with the page's numeric date order (Outlook prints "Sent: 10/5/2026" in it).
    expect(asked[4].sentAtText).toEqual({ texts: ['Sent: Monday, October 5, 2026 3:12 PM'], now: expect.any(Number), numericOrder: 'mdy' });
    expect(asked.map((a) => resolveSentAt(a))).toEqual([
      local(2026, 11, 27, 14, 5),
      local(2026, 10, 22, 9, 30),
      local(2026, 12, 1, 9, 41),
      local(2026, 12, 1, 9, 41),
      local(2026, 10, 5, 15, 12),
    ]);
    capture.stop();
  });
});
