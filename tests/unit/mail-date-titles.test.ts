import { describe, expect, it } from 'vitest';
import { parseMailDate } from '@/utils/mail-date';
import { zoneClock } from '@/utils/mail-date-zone';

// Issue 16 item 3, the locales tests/unit/mail-date-locales.test.ts does not cover yet: Gmail's date titles in
// es, fr, pt, de, it and 12-hour English outside the US, and Outlook web's reading-pane dates (all-numeric, with a
// weekday) per locale. Expected instants are written in UTC by hand (the zone's offset on that date).

const now = Date.UTC(2026, 11, 1, 12, 0); // Tue 1 Dec 2026, 12:00 UTC
const utc = (y: number, m: number, d: number, h: number, min: number) => Date.UTC(y, m - 1, d, h, min);
const read = (title: string, timeZone: string) => parseMailDate(title, { now, zone: zoneClock(timeZone) });

// Wed 20 Aug 2025, 13:19 local; Tue 6 Oct 2026, 15:12 local; Thu 5 Mar 2026, 09:05 local (winter time).
describe('Gmail date titles: es, fr, pt, de, it, 12-hour English', () => {
  it.each<[string, string, string, number]>([
    ['es', 'mié, 20 ago 2025, 13:19', 'Europe/Madrid', utc(2025, 8, 20, 11, 19)],
    ['es', '20 ago 2025, 13:19', 'Europe/Madrid', utc(2025, 8, 20, 11, 19)],
    ['es-MX', 'mar, 6 oct 2026, 3:12 p.m.', 'America/Mexico_City', utc(2026, 10, 6, 21, 12)], // CST −6 (no DST)
    ['fr', 'mer. 20 août 2025, 13:19', 'Europe/Paris', utc(2025, 8, 20, 11, 19)],
    ['fr', 'jeu. 5 mars 2026, 09:05', 'Europe/Paris', utc(2026, 3, 5, 8, 5)],
    ['fr-CA', 'mar. 6 oct. 2026, 15 h 12', 'America/Toronto', utc(2026, 10, 6, 19, 12)], // EDT −4
    ['pt-BR', 'qua., 20 de ago. de 2025, 13:19', 'America/Sao_Paulo', utc(2025, 8, 20, 16, 19)], // −3
    ['pt-BR', 'ter., 6 de out. de 2026, 15:12', 'America/Sao_Paulo', utc(2026, 10, 6, 18, 12)],
    ['pt-PT', 'qua, 20/08/2025, 13:19', 'Europe/Lisbon', utc(2025, 8, 20, 12, 19)], // WEST +1
    ['de', '20. Aug. 2025, 13:19', 'Europe/Berlin', utc(2025, 8, 20, 11, 19)],
    ['de', 'Do., 5. März 2026, 09:05', 'Europe/Berlin', utc(2026, 3, 5, 8, 5)],
    ['it', '20 ago 2025, 13:19', 'Europe/Rome', utc(2025, 8, 20, 11, 19)],
    ['en-AU', 'Wed, 20 Aug 2025, 1:19 pm', 'Australia/Sydney', utc(2025, 8, 20, 3, 19)], // AEST +10
    ['en-IN', 'Wed, 20 Aug, 2025, 1:19 pm', 'Asia/Kolkata', utc(2025, 8, 20, 7, 49)], // +5:30
    ['en-US', 'Tue, Oct 6, 2026, 3:12 PM', 'America/New_York', utc(2026, 10, 6, 19, 12)],
    ['en-US', 'Thu, Mar 5, 2026, 9:05 AM', 'America/Chicago', utc(2026, 3, 5, 15, 5)], // CST −6
  ])('%s %j in %s', (_, title, timeZone, expected) => {
    expect(read(title, timeZone)).toBe(expected);
  });
});

describe('Outlook web reading-pane dates: all-numeric, the weekday decides day/month order', () => {
  it.each<[string, string, string, number]>([
    ['en-US', 'Tue 10/6/2026 3:12 PM', 'America/New_York', utc(2026, 10, 6, 19, 12)],
    ['en-GB', 'Tue 06/10/2026 15:12', 'Europe/London', utc(2026, 10, 6, 14, 12)],
    ['de', 'Di 06.10.2026 15:12', 'Europe/Berlin', utc(2026, 10, 6, 13, 12)],
    ['fr', 'mar. 06/10/2026 15:12', 'Europe/Paris', utc(2026, 10, 6, 13, 12)],
    ['es', 'mar 06/10/2026 15:12', 'Europe/Madrid', utc(2026, 10, 6, 13, 12)],
    ['it', 'mar 06/10/2026 15:12', 'Europe/Rome', utc(2026, 10, 6, 13, 12)],
    ['nl', 'di 6-10-2026 15:12', 'Europe/Amsterdam', utc(2026, 10, 6, 13, 12)],
    ['pt-BR', 'ter 06/10/2026 15:12', 'America/Sao_Paulo', utc(2026, 10, 6, 18, 12)],
    ['en-US', 'Thu 3/5/2026 9:05 AM', 'America/Los_Angeles', utc(2026, 3, 5, 17, 5)], // PST −8
    ['en-GB', 'Thu 05/03/2026 09:05', 'Europe/London', utc(2026, 3, 5, 9, 5)],
    ['pl', 'wt. 06.10.2026 15:12', 'Europe/Warsaw', utc(2026, 10, 6, 13, 12)],
    ['ru', 'Вт 06.10.2026 15:12', 'Europe/Moscow', utc(2026, 10, 6, 12, 12)],
    ['tr', 'Sal 06.10.2026 15:12', 'Europe/Istanbul', utc(2026, 10, 6, 12, 12)],
    ['tr', 'Çar 10.06.2026 15:12', 'Europe/Istanbul', utc(2026, 6, 10, 12, 12)], // Wednesday: 10 June, not 6 Oct
    ['ja', '2026/10/06 (火) 15:12', 'Asia/Tokyo', utc(2026, 10, 6, 6, 12)],
    ['zh-CN', '2026/10/6 周二 15:12', 'Asia/Shanghai', utc(2026, 10, 6, 7, 12)],
  ])('%s %j in %s', (_, title, timeZone, expected) => {
    expect(read(title, timeZone)).toBe(expected);
  });

  it.each<[string, string]>([
    ['Mon 06/10/2026 15:12', 'Europe/London'], // 6 Oct 2026 is a Tuesday, 10 Jun a Wednesday: neither fits
    ['06/10/2026 15:12', 'Europe/London'], // no weekday, no order hint: day or month first?
    ['Tue 10/6/2026 15:12 PM', 'America/New_York'], // PM with a 24 h hour
  ])('refuses %j in %s', (title, timeZone) => {
    expect(read(title, timeZone)).toBeUndefined();
  });
});

describe('any Gmail-style title as the browser writes it, per locale and zone', () => {
  // Gmail builds its title with Intl in the account language: weekday, day, short month, year, time.
  const LOCALES = ['en-US', 'en-GB', 'en-AU', 'en-IN', 'es', 'es-MX', 'fr', 'fr-CA', 'pt-BR', 'de', 'it', 'nl', 'pl', 'tr', 'ru',
    'ja', 'zh-CN', 'zh-TW'];
  const ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Tokyo', 'Asia/Kolkata', 'America/Sao_Paulo'];
  // One minute every ~97 hours from 2021 to 2026, so every month, weekday and hour shows up; fixed, so a failure repeats.
  const instants = Array.from({ length: 520 }, (_, i) => Date.UTC(2021, 0, 1, 0, 0) + i * 97 * 3_600_000 + ((i * 37) % 60) * 60_000);

  it.each(LOCALES)('%s', (locale) => {
    const wrong: string[] = [];
    instants.forEach((t, i) => {
      const timeZone = ZONES[i % ZONES.length];
      const title = new Intl.DateTimeFormat(locale, {
        weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZone,
      }).format(t);
      if (read(title, timeZone) !== t) wrong.push(`${title} (${timeZone})`);
    });
    // A title that is a skipped or repeated DST minute may be refused, never misread: none of these instants is one.
    expect(wrong.slice(0, 5), `${wrong.length} of ${instants.length} misread`).toEqual([]);
  });
});
