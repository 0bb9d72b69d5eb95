/**
 * A ZoneClock for an IANA time zone, through Intl: for pages whose printed times are not in the browser's
 * zone, and for tests that read dates "as Tokyo prints them" wherever they run. Not imported by page scripts.
 */
import type { Day, ZoneClock } from './mail-date';

const DAY_MS = 86_400_000;

export function zoneClock(timeZone: string): ZoneClock {
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
  });
  const wall = (t: number) => {
    const p: Record<string, number> = {};
    for (const part of f.formatToParts(t)) if (part.type !== 'literal') p[part.type] = Number(part.value);
    return { year: p.year, month: p.month - 1, day: p.day, hour: p.hour % 24, minute: p.minute };
  };
  return {
    dayOf(t: number): Day {
      const w = wall(t);
      return { year: w.year, month: w.month, day: w.day };
    },
    toEpoch(d: Day, hour: number, minute: number): number | undefined {
      const guess = Date.UTC(d.year, d.month, d.day, hour, minute);
      if (new Date(guess).getUTCDate() !== d.day) return undefined; // Feb 30
      // The zone's offsets a day either side cover any DST change; each gives one candidate instant.
      const fits = new Set<number>();
      for (const probe of [guess - DAY_MS, guess, guess + DAY_MS]) {
        const w = wall(probe);
        const offset = Date.UTC(w.year, w.month, w.day, w.hour, w.minute) - Math.floor(probe / 60_000) * 60_000;
        const b = wall(guess - offset);
        if (b.year === d.year && b.month === d.month && b.day === d.day && b.hour === hour && b.minute === minute) {
          fits.add(guess - offset);
        }
      }
      // None: the minute was skipped (spring forward). Two: it happened twice (fall back). Either way, refuse.
      return fits.size === 1 ? [...fits][0] : undefined;
    },
  };
}
