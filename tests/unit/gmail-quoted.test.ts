import { afterEach, describe, expect, it, vi } from 'vitest';
import { gmailSite } from '@/utils/sites/gmail/reader';
import { startCapture } from '@/utils/capture/controller';
import { findCodes } from '@/utils/capture/find-codes';
import type { SentAtText } from '@/utils/vault/schema';
import { resolveSentAt } from '@/utils/sent-at';
import { controlRoots, fakeBackground, fakeContext, loadFixture, localExtract } from './capture-fixture';

const URL_ = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrXkTmZqLwPvRkGjhSbTnCsx';
const MORNING = '#AbeuEchsVEoR7TJYHSDATOCN1D61+k7U4O5Zi+czrwcK/tmoYgj7LZDwTkENNvOX';
const GYM = '#8R4jI8so/XWbHlKif5hGu/9/fh8k7D5GkbhQW3ShM5Nd3XbSXasGF/QPFO+OaTCR';
const DESK = '#hwnZQqQmOR69pYamt7uzPVZDo7uR60dIRqITxh7BmiGAj4uDPuhV1C1vVsw9877v';
const local = (y: number, m: number, d: number, h: number, min: number) => new Date(y, m - 1, d, h, min).getTime();

const running: { invalidate(): void }[] = [];
afterEach(() => running.splice(0).forEach((ctx) => ctx.invalidate()));

describe('Gmail reply chain (tests/fixtures/gmail/threads/reply-chain.html)', () => {
  it('finds the two own codes with what tells them apart, and the quoted one with its "On … wrote:" line', async () => {
    loadFixture('gmail/reply-chain.html');
    const [unit] = gmailSite(() => URL_).findUnits(document);
    const { codes } = await findCodes(unit, localExtract);
    expect(codes.map((c) => [c.code, c.quotedOnly, c.context, c.attribution])).toEqual([
      [MORNING, false, 'Morning routine', undefined],
      [GYM, false, 'Gym bag check by my collab partner…', undefined],
      [DESK, true, 'Sure! Desk setup', 'On Mon, 5 Oct 2026 at 15:12, Dani Reyes <dani@danimoves.co> wrote:'],
    ]);
    // The line dates the quoted code (read in the background), the reply's own header dates the others.
    expect(resolveSentAt({ sentAtText: { texts: [codes[2].attribution!], now: Date.now() } })).toBe(local(2026, 10, 5, 15, 12));
    // Each code can be found again in the page, for the row's highlight.
    expect(codes.map((c) => c.locate()?.toString())).toEqual([MORNING, GYM, DESK]);
  });

  it('the bar counts only the message\'s own codes, labels the quoted one and asks the background to date it from the quote', async () => {
    loadFixture('gmail/reply-chain.html');
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
    const capture = startCapture(ctx, { site: gmailSite(() => URL_), send: send as never, pageUrl: () => URL_, batchMs: 0, recogniseWithinMs: 50 });
    await capture.scan();
    await new Promise((r) => setTimeout(r, 0));
    const [root] = controlRoots();
    expect(root.querySelector('.sub')?.textContent).toBe('2 ad codes in this message · 1 from an earlier message');
    const rows = [...root.querySelectorAll<HTMLElement>('.row')];
    expect(rows.map((r) => r.querySelector('.context')?.textContent)).toEqual(['Morning routine', 'Gym bag check by my collab partner…', 'Sure! Desk setup']);
    expect(rows.map((r) => r.querySelector('.earlier')?.textContent ?? null)).toEqual([null, null, 'from an earlier message (Oct 5)']);
    // Only the quoted row offers "include in Save all", unticked.
    expect(rows.map((r) => (r.querySelector('.include input') as HTMLInputElement | null)?.checked ?? null)).toEqual([null, null, false]);
    const dates = asked.map((a) => resolveSentAt(a));
    expect(dates).toEqual([local(2026, 11, 30, 9, 41), local(2026, 11, 30, 9, 41), local(2026, 10, 5, 15, 12)]);
    // Rows are keyboard stops named by what tells them apart.
    expect(rows.map((r) => r.tabIndex)).toEqual([0, 0, 0]);
    expect(rows[2].getAttribute('aria-label')).toMatch(/^#hwnZQqQm…9877v, Sure! Desk setup, .*from an earlier message$/);
  });
});
