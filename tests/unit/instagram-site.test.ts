import { describe, expect, it, vi } from 'vitest';
import { startCapture } from '@/utils/capture/controller';
import { findCodes } from '@/utils/capture/find-codes';
import { instagramSite } from '@/utils/sites/instagram/reader';
import { asSaved, controlRoots, fakeBackground, fakeContext, loadFixture, localExtract } from './capture-fixture';

const URL_ = 'https://www.instagram.com/direct/t/17842501234567890/';
const CODE = '#b0prFmbh7+wy5yq1XoY1BaIMcAxYmfsB4HbQLXjjlAFbVV6q9rXxtNDFyuzX9k1g';
const site = () => instagramSite(() => URL_);

describe('Instagram direct messages, 2025 grid (the fallback selectors)', () => {
  it('joins a code sent in two bubbles and takes the other party as the creator', async () => {
    loadFixture('instagram/thread.html');
    const [unit] = site().findUnits(document);
    expect(unit.meta()).toMatchObject({ partnerHandle: '@maya.creates', url: URL_ });
    expect((await findCodes(unit, localExtract)).codes).toMatchObject([{ code: CODE }]);
  });

  it('places the control after the bubble where the code ends, and saves with the partner handle', async () => {
    loadFixture('instagram/thread.html');
    const bg = fakeBackground();
    const capture = startCapture(fakeContext(), { site: site(), send: bg.send, pageUrl: () => URL_, batchMs: 0, log: { warn: vi.fn() } });
    await capture.scan();
    const roots = controlRoots();
    expect(roots).toHaveLength(1);
    expect(roots[0].host.previousElementSibling?.textContent).toBe(CODE.slice(34));
    expect(roots[0].querySelector('.detail')?.textContent).toContain('@maya.creates');
    capture.stop();
  });

  it('does not name a creator in a group chat', () => {
    loadFixture('instagram/thread.html');
    const header = document.querySelector('header')!;
    const other = document.createElement('a');
    other.setAttribute('role', 'link');
    other.setAttribute('href', '/leo.lifts/');
    header.append(other);
    expect(site().findUnits(document)[0].meta().partnerHandle).toBeUndefined();
  });

  it('wakes up only on /direct/ pages', () => {
    expect(site().isActive(new URL('https://www.instagram.com/direct/inbox/'))).toBe(true);
    expect(site().isActive(new URL('https://www.instagram.com/explore/'))).toBe(false);
  });
});

describe('Instagram sent date', () => {
  it('dates a code by the time divider above its bubbles', () => {
    loadFixture('instagram/thread.html');
    const [unit] = site().findUnits(document);
    const codeBubble = unit.segments.find((s) => s.textContent === CODE.slice(34))!;
    expect(asSaved(unit.meta(codeBubble)).sentAt).toBe(new Date(2026, 10, 20, 9, 41).getTime());
    expect(asSaved(unit.meta(unit.segments[0])).sentAt).toBe(new Date(2026, 10, 19, 18, 12).getTime());
  });
});
