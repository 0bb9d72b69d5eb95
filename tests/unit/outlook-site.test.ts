import { describe, expect, it, vi } from 'vitest';
import { outlookSite } from '@/utils/sites/outlook/reader';
import { startCapture } from '@/utils/capture/controller';
import { findCodes } from '@/utils/capture/find-codes';
import { asSaved, buttonsIn, controlRoots, fakeBackground, fakeContext, loadFixture, localExtract } from './capture-fixture';

const URL_ = 'https://outlook.live.com/mail/0/inbox/id/AQQkADAwATM0MDAAMS1iNTcwLWExYjAtMDACLTAwCgAQAKfO';
const CODE = '#575yx8xm5MslfY5ubiheyEd7P4zDL/ak6J0kGODKdinZnLXicaBAg8WY1jzIRlNQ';
const site = (lang = 'en-US') => outlookSite(() => URL_, () => lang);

describe('Outlook reading pane', () => {
  it('reads each message of the conversation with its header', () => {
    loadFixture('outlook/reading-pane.html');
    const units = site().findUnits(document);
    expect(units).toHaveLength(2);
    expect(units[0].meta().sentAtText).toEqual({ texts: ['Fri 11/20/2026 10:14 AM'], now: expect.any(Number), numericOrder: 'mdy' });
    expect(asSaved(units[0].meta())).toEqual({
      senderName: 'Sam Carter',
      senderEmail: 'sam@sambakes.com',
      subject: 'Video code for the cookie reel',
      sentAt: new Date(2026, 10, 20, 10, 14).getTime(),
      url: URL_,
      messageId: 'AQQkADAwATM0MDAAMS1iNTcwLWExYjAtMDACLTAwCgAQAKfO',
    });
  });

  it('finds the code with its period and video, and knows the reply only quotes it', async () => {
    loadFixture('outlook/reading-pane.html');
    const [first, reply] = await Promise.all(site().findUnits(document).map(async (u) => (await findCodes(u, localExtract)).codes));
    expect(first).toMatchObject([{ code: CODE, periodDays: 30, creatorHandle: '@sam.bakes', quotedOnly: false }]);
    expect(reply).toMatchObject([{ code: CODE, quotedOnly: true }]);
  });

  it('shows one Save control, above the original message body', async () => {
    loadFixture('outlook/reading-pane.html');
    const bg = fakeBackground();
    const capture = startCapture(fakeContext(), { site: site(), send: bg.send, pageUrl: () => URL_, batchMs: 0, log: { warn: vi.fn() } });
    await capture.scan();
    const roots = controlRoots();
    expect(roots).toHaveLength(1);
    expect(buttonsIn(roots[0])[0].getAttribute('aria-label')).toMatch(/^Save ad code #575yx8xm/);
    expect(roots[0].host.nextElementSibling?.id).toMatch(/^UniqueMessageBody_.*KfO$/i);
    capture.stop();
  });

  it('with the newest message first, the control still goes to the original, not the quoting reply', async () => {
    loadFixture('outlook/reading-pane.html');
    const [original, reply] = document.querySelectorAll('.msgCard');
    original.before(reply);
    const capture = startCapture(fakeContext(), { site: site(), send: fakeBackground().send, pageUrl: () => URL_, batchMs: 0, log: { warn: vi.fn() } });
    await capture.scan();
    expect(controlRoots()).toHaveLength(1);
    expect(controlRoots()[0].host.closest('.msgCard')?.querySelector('.OZZZK')?.textContent).toBe('Sam Carter');
    capture.stop();
  });

  it('refuses to guess an all-numeric date in a locale whose order it cannot tell apart', () => {
    loadFixture('outlook/reading-pane.html');
    const time = document.querySelector('[data-testid="SentReceivedSavedTime"]')!;
    time.setAttribute('title', '11/06/2026 10:14 AM');
    expect(asSaved(site('en-US').findUnits(document)[0].meta()).sentAt).toBe(new Date(2026, 10, 6, 10, 14).getTime());
    expect(asSaved(site('en-GB').findUnits(document)[0].meta()).sentAt).toBe(new Date(2026, 5, 11, 10, 14).getTime());
    // A printed weekday decides (issue 16): Nov 6, 2026 is a Friday, June 11 a Thursday.
    time.setAttribute('title', 'Fri 11/06/2026 10:14 AM');
    expect(asSaved(site('en-GB').findUnits(document)[0].meta()).sentAt).toBe(new Date(2026, 10, 6, 10, 14).getTime());
  });

  it('only runs on mail pages of the three Outlook hosts', () => {
    const s = site();
    expect(s.isActive(new URL('https://outlook.office365.com/mail/inbox'))).toBe(true);
    expect(s.isActive(new URL('https://outlook.office.com/calendar/view/week'))).toBe(false);
    expect(s.isActive(new URL('https://outlook.evil.example/mail/'))).toBe(false);
  });
});

describe('Outlook work account on outlook.cloud.microsoft, German UI (tests/fixtures/outlook/cloud-de.html)', () => {
  const CLOUD_URL = 'https://outlook.cloud.microsoft/mail/inbox/id/AAQkAGI2TG93AAA%3D';
  it('runs on the cloud host', () => {
    expect(outlookSite(() => CLOUD_URL).isActive(new URL(CLOUD_URL))).toBe(true);
  });
  it('counts a body once when UniqueMessageBody_ is on the document element and on its child', () => {
    loadFixture('outlook/cloud-de.html');
    const units = outlookSite(() => CLOUD_URL, () => 'en-US').findUnits(document);
    expect(units).toHaveLength(2);
    expect(units.map((u) => u.meta().messageId)).toEqual(['11', '12']);
  });
});
