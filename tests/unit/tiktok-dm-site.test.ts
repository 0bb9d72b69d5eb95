import { describe, expect, it } from 'vitest';
import { findCodes } from '@/utils/capture/find-codes';
import { tiktokDmSite } from '@/utils/sites/tiktok-dm/reader';
import { asSaved, loadFixture, localExtract } from './capture-fixture';

const URL_ = 'https://www.tiktok.com/messages?lang=en&u=7012345678901234567';
const CODE = '#nneGEYG1+LwiqD9jJBAciI05FhfwKVqlUr5Qrec8TNecj9iNOrjj5VfqRTk8j1d/';
const site = () => tiktokDmSite(() => URL_);

describe('TikTok web messages, January 2026 generation (the fallback selectors)', () => {
  it('finds the code inside chatter and takes the chat partner as the creator', async () => {
    loadFixture('tiktok-dm/thread.html');
    const [unit] = site().findUnits(document);
    expect(unit.meta().partnerHandle).toBe('@sam.bakes');
    const [found] = (await findCodes(unit, localExtract)).codes;
    expect(found).toMatchObject({ code: CODE });
    expect(found.segment.closest('[data-e2e="chat-item"]')?.textContent).toContain('sure! here it is');
    expect(found.periodDays).toBe(365);
    expect(asSaved(unit.meta(found.segment)).sentAt).toBe(new Date(2026, 10, 20, 14, 5).getTime());
  });

  it('runs on every www.tiktok.com page (the chat can open as a drawer anywhere), and nowhere else', () => {
    expect(site().isActive(new URL(URL_))).toBe(true);
    expect(site().isActive(new URL('https://www.tiktok.com/@sam.bakes/video/7443344556677889900'))).toBe(true);
    expect(site().isActive(new URL('https://ads.tiktok.com/i18n/creation'))).toBe(false);
  });
});
