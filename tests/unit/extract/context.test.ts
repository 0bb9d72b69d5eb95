import { describe, expect, it } from 'vitest';
import { extractAdCodes } from '../../../utils/extract';
import { C } from './helpers';

describe('creator handle', () => {
  const handleOf = (text: string) => extractAdCodes(text)[0]?.creatorHandle;
  const cases: Array<[string, string | undefined]> = [
    ['my TikTok is @Jane.Doe — code {}', '@jane.doe'],
    ['TikTok: @jane_doe\n{}', '@jane_doe'],
    ['{}\naccount @JaneDoe123', '@janedoe123'],
    ['creator @the.real.jane sent {}', '@the.real.jane'],
    ['{} from @jane.doe on TikTok', '@jane.doe'],
    ['{} — Jane (@jane.doe, TikTok)', '@jane.doe'],
    ['{} — Jane (@jane.doe on TikTok).', '@jane.doe'],
    ['Mi cuenta de TikTok: @lucia\n{}', '@lucia'],
    ['{}\nMeine TikTok-Seite: @max_m', '@max_m'],
    ['{}\nhttps://www.tiktok.com/@From.Url/video/7301234567890123456', '@from.url'],
    ['{}\nmy profile: https://www.tiktok.com/@jane.profile', '@jane.profile'],
    ['{}\ncontact: jane.doe@example.com', undefined],
    ['Hi @team, here is the code {}', undefined],
    ['{}\nmy IG is @jane.insta', undefined],
    ['{}\nmy TikTok is @jane.tt and my IG is @jane.ig', '@jane.tt'],
    ['{}\nfollow @brand on Instagram', undefined],
    ['{}\nour account manager @bob', undefined],
    ['{}\nTikTok: @jane.doe.', '@jane.doe'],
  ];
  it.each(cases)('%s → %s', (template, handle) => {
    expect(handleOf(template.replace('{}', C.a))).toBe(handle);
  });

  it('ignores the handle in the signature of a quoted earlier message', () => {
    const text = `Here is my code: ${C.a}\n\nOn Tue, Nov 17, 2026 at 9:02 AM Brand <hi@brand.example> wrote:\n> Thanks!\n> Brand Team\n> TikTok: @brandofficial`;
    expect(extractAdCodes(text)).toEqual([{ code: C.a }]);
  });

  it('keeps the handle stated in the same (forwarded) message as the code', () => {
    const text = `FYI see below, our TikTok: @brandofficial\n\n---------- Forwarded message ---------\nFrom: Jane <jane@example.com>\n\nMy TikTok is @jane.doe, code: ${C.a}`;
    expect(extractAdCodes(text)).toEqual([{ code: C.a, creatorHandle: '@jane.doe' }]);
  });

  it('pairs handles and URLs with their own codes', () => {
    const text = [
      `Creator @alice.cooks: ${C.a}`,
      'https://www.tiktok.com/@alice.cooks/video/7301111111111111111',
      '',
      `Creator @bob.lifts: ${C.b}`,
      'https://www.tiktok.com/@bob.lifts/video/7302222222222222222',
    ].join('\n');
    expect(extractAdCodes(text)).toEqual([
      { code: C.a, creatorHandle: '@alice.cooks', postUrl: 'https://www.tiktok.com/@alice.cooks/video/7301111111111111111' },
      { code: C.b, creatorHandle: '@bob.lifts', postUrl: 'https://www.tiktok.com/@bob.lifts/video/7302222222222222222' },
    ]);
  });
});

describe('post URL', () => {
  const urlOf = (text: string) => extractAdCodes(text)[0]?.postUrl;
  const cases: Array<[string, string | undefined]> = [
    ['{} https://www.tiktok.com/@jane/video/7301234567890123456', 'https://www.tiktok.com/@jane/video/7301234567890123456'],
    ['{}\n(https://www.tiktok.com/@jane/video/7301234567890123456?is_from_webapp=1&sender_device=pc).', 'https://www.tiktok.com/@jane/video/7301234567890123456'],
    ['{} www.tiktok.com/@jane/video/7301234567890123456', 'https://www.tiktok.com/@jane/video/7301234567890123456'],
    ['{} http://m.tiktok.com/@jane/photo/7301234567890123456', 'https://m.tiktok.com/@jane/photo/7301234567890123456'],
    ['{} https://vm.tiktok.com/ZMh3kPq7R/', 'https://vm.tiktok.com/ZMh3kPq7R/'],
    ['{} https://vt.tiktok.com/ZSabc123/', 'https://vt.tiktok.com/ZSabc123/'],
    ['{} https://www.tiktok.com/t/ZTRabc123/', 'https://www.tiktok.com/t/ZTRabc123/'],
    ['{} https://ads.tiktok.com/i18n/creation/creative?aadvid=123', undefined],
    ['{} https://www.tiktok.com/@jane', undefined],
    ['{} https://www.youtube.com/watch?v=abc', undefined],
  ];
  it.each(cases)('%s → %s', (template, url) => {
    expect(urlOf(template.replace('{}', C.a))).toBe(url);
  });

  it('pairs URL → code blocks by proximity', () => {
    const text = [
      'Video 1: https://www.tiktok.com/@jane/video/7301111111111111111',
      `Code: ${C.a}`,
      '',
      'Video 2: https://www.tiktok.com/@jane/video/7302222222222222222',
      `Code: ${C.b}`,
    ].join('\n');
    expect(extractAdCodes(text).map((r) => r.postUrl)).toEqual([
      'https://www.tiktok.com/@jane/video/7301111111111111111',
      'https://www.tiktok.com/@jane/video/7302222222222222222',
    ]);
  });

  it('pairs code → URL lines by proximity', () => {
    const text = `${C.a} https://vm.tiktok.com/ZMaaaaaa1/\n${C.b} https://vm.tiktok.com/ZMbbbbbb2/`;
    expect(extractAdCodes(text).map((r) => r.postUrl)).toEqual(['https://vm.tiktok.com/ZMaaaaaa1/', 'https://vm.tiktok.com/ZMbbbbbb2/']);
  });
});
