import { describe, expect, it } from 'vitest';
import { extractAdCodes, isPlausibleAdCode } from '../../../utils/extract';
import { parsePeriodPhrase } from '../../../utils/extract/periods';
import { C } from './helpers';

// ---------------------------------------------------------------------------------------------------------

describe('authorization period', () => {
  const periodOf = (text: string) => extractAdCodes(text)[0]?.periodDays;
  const cases: Array<[string, number | undefined]> = [
    ['Code: {} (7 days)', 7],
    ['Code: {} – valid for a week', 7],
    ['7-day authorization: {}', 7],
    ['{} 30 days', 30],
    ['Authorized for one month: {}', 30],
    ['{}\nIt is valid for 1 month.', 30],
    ['{} (60d)', 60],
    ['{}(60 days)', 60],
    ['Spark code {}, expires in 2 months', 60],
    ['{} two months', 60],
    ['Ad code for 365 days: {}', 365],
    ['{} — authorized for a year', 365],
    ['{} (1 year)', 365],
    ['{} (365d)', 365],
    ['Code {} valid 12 months', 365],
    ['{} — 1yr', 365],
    // Spanish
    ['Código: {} (30 días)', 30],
    ['{} válido por una semana', 7],
    ['{} — autorizado por un mes', 30],
    ['{} dura dos meses', 60],
    ['{} autorizado por un año', 365],
    // Portuguese
    ['{} (30 dias)', 30],
    ['{} válido por uma semana', 7],
    ['{} — autorizado por um mês', 30],
    ['{} dois meses de autorização', 60],
    ['{} vale por um ano', 365],
    // German
    ['{} (30 Tage)', 30],
    ['{} ist eine Woche gültig', 7],
    ['{} gilt einen Monat', 30],
    ['{} – Freigabe für zwei Monate', 60],
    ['{} Laufzeit: ein Jahr', 365],
    // French
    ['{} (30 jours)', 30],
    ['{} valable une semaine', 7],
    ['{} autorisé pour un mois', 30],
    ['{} — durée : deux mois', 60],
    ['{} valable un an', 365],
    // Italian
    ['{} (30 giorni)', 30],
    ['{} valido una settimana', 7],
    ['{} autorizzato per un mese', 30],
    ['{} durata: due mesi', 60],
    ['{} valido un anno', 365],
    // Japanese
    ['{}（7日）', 7],
    ['{} 有効期間30日間', 30],
    ['{} 承認期間：1ヶ月', 30],
    ['{} 2か月', 60],
    ['{} 有効期限は1年です', 365],
    ['{} 365日', 365],
    ['{} ３０日間', 30],
    // No period, or not the authorization's
    ['{}', undefined],
    ['{}\nWe will pay within 30 days.', undefined],
    ['Code: {}\n\nPayment terms: net 30 days.', undefined],
    ['{}\nI have been on TikTok for a year now.', undefined],
    ['{} 3 months', undefined],
    ['{} 14 days', undefined],
    ['{} sent on 11月30日', undefined],
    ['{}\n\nReply within 7 days please', undefined],
    ['{} 30日以内にお支払いします', undefined],
    ['{} pagaremos dentro de 30 días', undefined],
    ['{} Zahlung innerhalb von 30 Tagen', undefined],
    ['{} paiement sous 30 jours', undefined],
    ['{} pagamento entro 30 giorni', undefined],
  ];
  it.each(cases)('%s → %s', (template, days) => {
    expect(periodOf(template.replace('{}', C.a))).toBe(days);
  });

  it('gives each code its own period (same line)', () => {
    const text = `Video 1 (30 days): ${C.a} / Video 2 (60 days): ${C.b}`;
    expect(extractAdCodes(text)).toEqual([
      { code: C.a, periodDays: 30 },
      { code: C.b, periodDays: 60 },
    ]);
  });

  it('gives each code its own period (period after the code)', () => {
    const text = `${C.a} (7 days) / ${C.b} (365 days) / ${C.c}`;
    expect(extractAdCodes(text)).toEqual([
      { code: C.a, periodDays: 7 },
      { code: C.b, periodDays: 365 },
      { code: C.c },
    ]);
  });

  it('gives each code its own period (one block per code)', () => {
    const text = [
      'Hi!',
      '',
      'Video 1 – authorized for 30 days:',
      C.a,
      '',
      'Video 2 – authorized for 60 days:',
      C.b,
      '',
      'Video 3:',
      C.c,
    ].join('\n');
    expect(extractAdCodes(text)).toEqual([
      { code: C.a, periodDays: 30 },
      { code: C.b, periodDays: 60 },
      { code: C.c },
    ]);
  });

  it('reads periods from a table', () => {
    const text = `Video | Code | Days\nPasta | ${C.a} | 30 days\nCookies | ${C.b} | 60 days\nBread | ${C.c} | –`;
    expect(extractAdCodes(text).map((r) => r.periodDays)).toEqual([30, 60, undefined]);
  });

  it('applies one header statement to every code', () => {
    const text = `All codes below are authorized for 60 days:\n${C.a}\n${C.b}\n${C.c}`;
    expect(extractAdCodes(text).map((r) => r.periodDays)).toEqual([60, 60, 60]);
  });

  it('does not spread one code’s period to the others', () => {
    const text = `Video 1: ${C.a}\nAuthorization: 30 days\n\nVideo 2: ${C.b}`;
    expect(extractAdCodes(text)).toEqual([{ code: C.a, periodDays: 30 }, { code: C.b }]);
  });

  it('applies a single stated period to the single code', () => {
    const text = `Hi Marco,\n\nhere you go: ${C.a}\n\nThanks for the collab! The authorization runs for 60 days.\n\nBest, Jane`;
    expect(extractAdCodes(text)).toEqual([{ code: C.a, periodDays: 60 }]);
  });

  it('ignores period-like text inside codes and URLs', () => {
    const inside = '#aB3x30dY7q2monthsK9vW1xY3zA5bC7dE9fG1hJ3kL5mN7pQ9rS1tU3v+/w=';
    expect(isPlausibleAdCode(inside)).toBe(true);
    expect(extractAdCodes(`code ${inside}`)).toEqual([{ code: inside }]);
    expect(periodOf(`Code ${C.a} see https://shop.example/promo/sale-60-days`)).toBeUndefined();
  });
});

describe('parsePeriodPhrase', () => {
  const phrases: Array<[string, number | null]> = [
    ['7 days', 7], ['a week', 7], ['1 week', 7], ['one week', 7], ['7-day', 7], ['7d', 7],
    ['30 days', 30], ['30-day', 30], ['one month', 30], ['a month', 30], ['1 month', 30], ['4 weeks', 30],
    ['60 days', 60], ['2 months', 60], ['two months', 60], ['60d', 60], ['2-month', 60],
    ['365 days', 365], ['a year', 365], ['1 year', 365], ['12 months', 365], ['365d', 365], ['1y', 365],
    ['7 días', 7], ['una semana', 7], ['un mes', 30], ['dos meses', 60], ['un año', 365], ['12 meses', 365],
    ['30 dias', 30], ['uma semana', 7], ['um mês', 30], ['dois meses', 60], ['um ano', 365],
    ['30 Tage', 30], ['30 Tagen', 30], ['eine Woche', 7], ['einen Monat', 30], ['zwei Monate', 60], ['ein Jahr', 365], ['30-tägige', 30],
    ['30 jours', 30], ['30j', 30], ['une semaine', 7], ['un mois', 30], ['deux mois', 60], ['un an', 365], ['une année', 365],
    ['30 giorni', 30], ['una settimana', 7], ['un mese', 30], ['due mesi', 60], ['un anno', 365],
    ['7日', 7], ['30日間', 30], ['３０日間', 30], ['1ヶ月', 30], ['一ヶ月', 30], ['2か月', 60], ['1年', 365], ['365日', 365], ['1週間', 7],
    ['3 months', null], ['14 days', null], ['a day', null], ['a semana', null], ['2026年', null], ['1 y 2', null],
    ['aweek', null], ['x30days', null], ['1.5 months', null],
  ];
  it.each(phrases)('%s → %s', (phrase, days) => {
    expect(parsePeriodPhrase(phrase)).toBe(days);
  });
});
