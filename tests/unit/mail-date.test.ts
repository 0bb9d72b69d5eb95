import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseMailDate } from '@/utils/mail-date';

const now = new Date(2026, 11, 1, 12, 0).getTime();
const local = (y: number, m: number, d: number, h: number, min: number) => new Date(y, m - 1, d, h, min).getTime();
const parse = (s: string, numericOrder?: 'mdy' | 'dmy') => parseMailDate(s, { now, numericOrder });

describe('parseMailDate', () => {
  it.each([
    ['Fri, Nov 20, 2026, 10:14\u202fAM', local(2026, 11, 20, 10, 14)],
    ['Fri, Nov 20, 2026, 10:14 AM', local(2026, 11, 20, 10, 14)],
    ['Fri, Nov 20, 2026 at 3:05\u202fPM', local(2026, 11, 20, 15, 5)],
    ['Thu, Nov 19, 2026, 12:01\u202fAM', local(2026, 11, 19, 0, 1)],
    ['Fri, 20 Nov 2026, 22:14', local(2026, 11, 20, 22, 14)],
    ['Tue, Mar 17, 2026, 9:00 AM', local(2026, 3, 17, 9, 0)],
    // es: the weekday "mar" is also the Spanish abbreviation for March.
    ['mar, 17 nov 2026, 10:14', local(2026, 11, 17, 10, 14)],
    ['vie, 20 nov 2026, 10:14', local(2026, 11, 20, 10, 14)],
    ['vie., 20 de nov. de 2026, 10:14 p. m.', local(2026, 11, 20, 22, 14)],
    ['sex., 20 de nov. de 2026, 10:14', local(2026, 11, 20, 10, 14)],
    ['ter., 3 de mar. de 2026, 08:30', local(2026, 3, 3, 8, 30)],
    ['Fr., 20. Nov. 2026, 10:14', local(2026, 11, 20, 10, 14)],
    ['Mi., 4. März 2026, 18:45', local(2026, 3, 4, 18, 45)],
    ['ven. 20 nov. 2026, 10:14', local(2026, 11, 20, 10, 14)],
    ['mer. 12 août 2026 à 07h05', local(2026, 8, 12, 7, 5)],
    ['ven 20 nov 2026, 10:14', local(2026, 11, 20, 10, 14)],
    ['gio 3 dic 2026, 10:14', undefined], // 3 Dec 2026 is after "now"
    ['gio 3 set 2026, 10:14', local(2026, 9, 3, 10, 14)],
    ['2026年11月20日(金) 10:14', local(2026, 11, 20, 10, 14)],
    ['2026年11月20日 午後3:05', local(2026, 11, 20, 15, 5)],
    ['Fri 11/20/2026 10:14 AM', local(2026, 11, 20, 10, 14)],
    ['Fri 20/11/2026 10:14', local(2026, 11, 20, 10, 14)],
  ])('reads %j', (text, expected) => {
    expect(parse(text)).toBe(expected);
  });

  it('refuses an ambiguous all-numeric date unless told the order', () => {
    expect(parse('11/06/2026 10:14 AM')).toBeUndefined();
    expect(parse('11/06/2026 10:14 AM', 'mdy')).toBe(local(2026, 11, 6, 10, 14));
    expect(parse('11/06/2026 10:14', 'dmy')).toBe(local(2026, 6, 11, 10, 14));
  });

  it('lets a printed weekday decide an all-numeric date (Outlook), and refuses one that fits neither order', () => {
    expect(parse('Fri 11/06/2026 10:14 AM')).toBe(local(2026, 11, 6, 10, 14)); // Nov 6 is a Friday
    expect(parse('Thu 11/06/2026 10:14')).toBe(local(2026, 6, 11, 10, 14)); // June 11 is a Thursday
    expect(parse('Do 11.06.2026 10:14', 'mdy')).toBe(local(2026, 6, 11, 10, 14)); // the weekday beats the hint
    expect(parse('jeu. 05/03/2026 10:14')).toBe(local(2026, 3, 5, 10, 14));
    expect(parse('Mon 11/06/2026 10:14 AM', 'mdy')).toBeUndefined(); // neither date is a Monday
  });

  it.each([
    '',
    'yesterday',
    'Nov 20, 10:14 AM', // no year: Gmail drops it for recent mail in list views; never guess it
    'Fri, Feb 30, 2026, 10:14 AM',
    'Fri, Nov 20, 2026, 25:14',
    'Fri, Nov 20, 2026, 13:14 PM',
    'Fri, Nov 20, 2031, 10:14 AM', // future
    'Fri, Nov 20, 2001, 10:14 AM', // before TikTok ad codes existed
    'Nov Dec 20 2026 10:14',
  ])('returns undefined rather than guess for %j', (text) => {
    expect(parse(text)).toBeUndefined();
  });

  it('falls back to Date.parse for full dates in other shapes', () => {
    expect(parse('2026-11-20T10:14:00Z')).toBe(Date.UTC(2026, 10, 20, 10, 14));
  });

  it('never throws and never returns a date outside the allowed range', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        const t = parse(s);
        return t === undefined || (t >= Date.UTC(2016, 0, 1) && t <= now + 86_400_000);
      }),
    );
  });

  it('reads any English Gmail title the way Intl writes it', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(2017, 0, 1), max: new Date(2026, 10, 30), noInvalidDate: true }), (d) => {
        d.setSeconds(0, 0);
        const title = new Intl.DateTimeFormat('en-US', {
          weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit',
        }).format(d);
        return parse(title) === d.getTime();
      }),
    );
  });
});
