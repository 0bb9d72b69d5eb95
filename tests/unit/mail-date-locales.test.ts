import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMailDate } from '@/utils/mail-date';
import { zoneClock } from '@/utils/mail-date-zone';

// Issue 16 item 3: the date titles Gmail prints in each account language, chat dividers, and the zone the
// page prints them in. Expected instants are written in UTC by hand (the zone's offset on that date), so
// the test does not share the parser's arithmetic.

const now = Date.UTC(2026, 11, 1, 12, 0); // Tue 1 Dec 2026, 12:00 UTC
const utc = (y: number, m: number, d: number, h: number, min: number) => Date.UTC(y, m - 1, d, h, min);

describe('Gmail date titles per locale, in the zone the page prints them in', () => {
  it.each<[string, string, string, number]>([
    ['en-US', 'Wed, Aug 20, 2025, 1:19\u202fPM', 'America/New_York', utc(2025, 8, 20, 17, 19)], // EDT −4
    ['en-US', 'Wed, Aug 20, 2025, 1:19 PM', 'America/Los_Angeles', utc(2025, 8, 20, 20, 19)], // PDT −7
    ['en-GB', '20 Aug 2025, 13:19', 'Europe/London', utc(2025, 8, 20, 12, 19)], // BST +1
    ['en-GB', 'Wed, 20 Aug 2025, 13:19', 'Europe/London', utc(2025, 8, 20, 12, 19)],
    ['zh-CN', '2025年8月20日 下午1:19', 'Asia/Shanghai', utc(2025, 8, 20, 5, 19)], // 下午 = PM, +8
    ['zh-CN', '2025年8月20日 上午10:08', 'Asia/Shanghai', utc(2025, 8, 20, 2, 8)],
    ['zh-CN', '2016年5月4日 上午10:08', 'Asia/Shanghai', utc(2016, 5, 4, 2, 8)],
    ['zh-CN', '2025年8月20日 晚上9:05', 'Asia/Shanghai', utc(2025, 8, 20, 13, 5)],
    ['zh-CN', '2025年8月20日 中午12:30', 'Asia/Shanghai', utc(2025, 8, 20, 4, 30)],
    ['zh-TW', '2025年8月20日 下午1:19', 'Asia/Taipei', utc(2025, 8, 20, 5, 19)],
    ['zh-TW', '2025年8月20日 週三 下午1:19', 'Asia/Taipei', utc(2025, 8, 20, 5, 19)],
    ['ko', '2025년 8월 20일 오후 1:19', 'Asia/Seoul', utc(2025, 8, 20, 4, 19)], // 오후 = PM, +9
    ['ko', '2025년 8월 20일 (수) 오전 9:05', 'Asia/Seoul', utc(2025, 8, 20, 0, 5)],
    ['ru', '20 авг. 2025 г., 13:19', 'Europe/Moscow', utc(2025, 8, 20, 10, 19)], // +3
    ['ru', '26 дек. 2019 г., 22:53', 'Europe/Moscow', utc(2019, 12, 26, 19, 53)],
    ['ru', '3 мая 2025 г., 08:00', 'Europe/Moscow', utc(2025, 5, 3, 5, 0)],
    ['pl', '20 sie 2025, 13:19', 'Europe/Warsaw', utc(2025, 8, 20, 11, 19)], // CEST +2
    ['pl', 'śr., 20 sie 2025, 13:19', 'Europe/Warsaw', utc(2025, 8, 20, 11, 19)],
    ['pl', '5 paź 2025, 09:00', 'Europe/Warsaw', utc(2025, 10, 5, 7, 0)],
    ['tr', '20 Ağu 2025 13:19', 'Europe/Istanbul', utc(2025, 8, 20, 10, 19)], // +3
    ['tr', '20 Ağu 2025 Çar 13:19', 'Europe/Istanbul', utc(2025, 8, 20, 10, 19)],
    ['tr', '1 Şub 2026 00:30', 'Europe/Istanbul', utc(2026, 1, 31, 21, 30)],
    ['nl', 'wo 20 aug. 2025 13:19', 'Europe/Amsterdam', utc(2025, 8, 20, 11, 19)],
    ['nl', '5 mrt. 2026, 09:15', 'Europe/Amsterdam', utc(2026, 3, 5, 8, 15)], // CET +1
    ['it', 'mer 20 ago 2025, 13:19', 'Europe/Rome', utc(2025, 8, 20, 11, 19)],
    ['ja', '2025年8月20日(水) 13:19', 'Asia/Tokyo', utc(2025, 8, 20, 4, 19)],
    ['ja', '2025年8月20日 午後1:19', 'Asia/Tokyo', utc(2025, 8, 20, 4, 19)],
    ['de', 'Mi., 20. Aug. 2025, 13:19', 'Europe/Berlin', utc(2025, 8, 20, 11, 19)],
    ['en-GB', '20 Aug 2025, 13:19', 'UTC', utc(2025, 8, 20, 13, 19)],
  ])('%s %j in %s', (_, title, timeZone, expected) => {
    expect(parseMailDate(title, { now, zone: zoneClock(timeZone) })).toBe(expected);
  });

  it.each<[string, string]>([
    ['Sun, Mar 8, 2026, 2:30 AM', 'America/New_York'], // skipped by the spring-forward change
    ['Sun, Nov 1, 2026, 1:30 AM', 'America/New_York'], // happens twice (fall back): which one?
    ['Thu, Aug 20, 2025, 1:19 PM', 'America/New_York'], // Aug 20, 2025 was a Wednesday
    ['2025年8月20日 下午13:19', 'Asia/Shanghai'], // PM with a 24 h hour
    ['20 авг. 2025, 25:19', 'Europe/Moscow'],
  ])('refuses %j in %s', (title, timeZone) => {
    expect(parseMailDate(title, { now, zone: zoneClock(timeZone) })).toBeUndefined();
  });
});

describe('chat dividers, relative to the page’s now', () => {
  // now = Tue 1 Dec 2026 12:00 UTC = 07:00 in New York, 21:00 in Tokyo.
  it.each<[string, string, number | undefined]>([
    ['Today 9:41 AM', 'UTC', utc(2026, 12, 1, 9, 41)],
    ['Today at 9:41 AM', 'UTC', utc(2026, 12, 1, 9, 41)],
    ['9:41 AM', 'UTC', utc(2026, 12, 1, 9, 41)],
    ['20:38', 'Asia/Tokyo', utc(2026, 12, 1, 11, 38)], // bare time = today, in the page's zone
    ['Yesterday 9:41 AM', 'UTC', utc(2026, 11, 30, 9, 41)],
    ['Yesterday 11:50 PM', 'America/New_York', utc(2026, 12, 1, 4, 50)], // Nov 30 23:50 EST
    ['Fri 9:41 AM', 'UTC', utc(2026, 11, 27, 9, 41)],
    ['Tuesday, 4:55 AM', 'Asia/Tokyo', undefined], // today's weekday: today or a week ago? refuse
    ['Sunday, 4:55 AM', 'Asia/Tokyo', utc(2026, 11, 28, 19, 55)], // Sun 29 Nov 04:55 JST
    ['昨天 上午5:46', 'Asia/Shanghai', utc(2026, 11, 29, 21, 46)], // 30 Nov 05:46 CST
    ['Gestern um 09:41', 'Europe/Berlin', utc(2026, 11, 30, 8, 41)],
    ['Ayer a las 9:41', 'Europe/Madrid', utc(2026, 11, 30, 8, 41)],
    ['Today 1:41 PM', 'UTC', undefined], // later than now
    ['8:41 AM', 'America/New_York', undefined], // 08:41 New York is after 07:00 now
    ['Sep 3 5:55 PM', 'UTC', undefined], // no year: never guess it
  ])('%j in %s', (divider, timeZone, expected) => {
    expect(parseMailDate(divider, { now, zone: zoneClock(timeZone) })).toBe(expected);
  });
});

describe.each(['UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland'])('with the browser in %s and no zone given', (tz) => {
  const saved = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = tz;
  });
  afterAll(() => {
    process.env.TZ = saved;
  });

  it('reads titles as the browser’s local minute', () => {
    const local = (y: number, m: number, d: number, h: number, min: number) => new Date(y, m - 1, d, h, min).getTime();
    expect(new Date(2025, 7, 20, 13, 19).getTimezoneOffset()).toBe(
      { UTC: 0, 'America/New_York': 240, 'Asia/Kolkata': -330, 'Pacific/Auckland': -720 }[tz],
    );
    expect(parseMailDate('2025年8月20日 下午1:19', { now })).toBe(local(2025, 8, 20, 13, 19));
    expect(parseMailDate('20 авг. 2025 г., 13:19', { now })).toBe(local(2025, 8, 20, 13, 19));
    expect(parseMailDate('Wed, Aug 20, 2025, 1:19 PM', { now })).toBe(local(2025, 8, 20, 13, 19));
    expect(parseMailDate('Yesterday 9:41 AM', { now: local(2026, 12, 1, 12, 0) })).toBe(local(2026, 11, 30, 9, 41));
    expect(parseMailDate('2026-11-20T10:14:00Z', { now })).toBe(utc(2026, 11, 20, 10, 14));
  });
});
