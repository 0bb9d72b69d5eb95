import { describe, expect, it } from 'vitest';
import { extractAdCodes } from '../../../utils/extract';
import { C, type CodeName } from './helpers';

// Issue 16 item 1: every class of stated period that was missed, in every language the product reads, and
// the look-alikes that must never become a period. `{a}` is code a; the expectation lists the period found
// for each code in order of appearance (undefined: none stated).

const fill = (template: string) => template.replace(/\{(\w)\}/g, (_, n: CodeName) => C[n]);
const periodsOf = (template: string) => extractAdCodes(fill(template)).map((r) => [r.code, r.periodDays]);
const expectPeriods = (template: string, expected: Array<[CodeName, number | undefined]>) =>
  expect(periodsOf(template)).toEqual(expected.map(([n, d]) => [C[n], d]));

describe('a period stated a line or two after the code', () => {
  it.each<[string, number]>([
    ["Here's the code:\n{a}\n\nHeads up, it's 30d.", 30],
    ['Spark code: {a}\nThanks for waiting! I set it to 60 days this time.', 60],
    ['{a}\nhttps://www.tiktok.com/@maya/video/7301234567890123456\n(2 months)', 60],
    ['Code: {a}\n--\nMaya Lopez | Creator\nValid for 60 days', 60],
    ['Hi team,\n\n{a}\n\nThat one is 7 days, sorry it is short.\n\nBest,\nMaya', 7],
    ['Ad code below 👇\n\n{a}\n\nIt is one year.', 365],
    ['Código:\n{a}\n\nOjo, es de 60 días.', 60],
    ['Código do anúncio:\n{a}\n\nEle vale por dois meses.', 60],
    ['Hier ist der Code:\n{a}\n\nEr ist ein ganzes Jahr gültig.', 365],
    ['Voici le code :\n{a}\n\nC’est 30 jours cette fois.', 30],
    ['Ecco il codice:\n{a}\n\nL’ho impostato a sessanta giorni.', 60],
    ['Hier is de code:\n{a}\n\nDeze is twee maanden geldig.', 60],
    ['広告コードです。\n{a}\n\n期間は30日間です。', 30],
    // the creator says which period was chosen
    ['Done: {a}\n\nI went with 60 days this time, hope that works.', 60],
    ['We talked about it, so I opted for a year.\n\n{a}', 365],
    ['Listo {a}\n\nElegí dos meses, como siempre.', 60],
    ['Pronto {a}\n\nEscolhi um ano desta vez.', 365],
    ['Fertig {a}\n\nIch habe zwei Monate gewählt.', 60],
    ['Voilà {a}\n\nJ’ai choisi un an, plus simple.', 365],
    ['Fatto {a}\n\nL’ho messo a due mesi.', 60],
    ['Klaar {a}\n\nIk heb een jaar gekozen.', 365],
    ['できました {a}\n\n今回は二ヶ月に設定しました。', 60],
    // a sentence or line that opens with the period
    ['Code {a}\n60 days on this one.\n\nAlso our invoices are due monthly.', 60],
    ['Test code:\n\n{a}\n\nThirty days only, as agreed.', 30],
    ['Código del vídeo: {a}\n60 días.', 60],
    ['voilà {a}✨\nc’est pour 7 jours', 7],
    ['{a}\n\nObs.: é só por 7 dias.', 7],
    ['コード：{a}\nhttps://www.tiktok.com/@yui/video/7301234567890123456\nテストなので7日間です。', 7],
  ])('%j → %s', (template, days) => {
    expectPeriods(template, [['a', days]]);
  });
});

describe('one period stated for a whole list of codes', () => {
  it.each<[string, number]>([
    ['Codes:\n{a}\n{b}\n{c}\nAll three are one year.', 365],
    ['Here you go:\n1. {a}\n2. {b}\n3. {c}\nEach one is set to 365 days.', 365],
    ['New codes\n{a}\n{b}\n{c}\nSame as before: 60 days', 60],
    ['All of these are valid for a week:\n{a}\n{b}\n{c}', 7],
    ['Códigos:\n{a}\n{b}\n{c}\nTodos duran dos meses.', 60],
    ['Códigos:\n{a}\n{b}\n{c}\nTodos valem por um ano.', 365],
    ['Die Codes:\n{a}\n{b}\n{c}\nAlle gelten zwei Monate.', 60],
    ['Les codes :\n{a}\n{b}\n{c}\nTous sont valables un an.', 365],
    ['I codici:\n{a}\n{b}\n{c}\nTutti valgono trenta giorni.', 30],
    ['De codes:\n{a}\n{b}\n{c}\nAllemaal een jaar geldig.', 365],
    ['コード：\n{a}\n{b}\n{c}\nすべて有効期間は一年間です。', 365],
    ['Three codes:\n- {a}\n- {b}\n- {c}\n\nThe three are valid for 60 days.', 60],
    ['Los códigos:\n{a}\n{b}\n{c}\n\nLos tres son de 30 días.', 30],
    ['Les codes :\n- {a}\n- {b}\n- {c}\n\nLes trois sont valables un an.', 365],
    ['3本分です。\n・{a}\n・{b}\n・{c}\n\n3本とも60日間です。', 60],
  ])('%j → every code %s', (template, days) => {
    expectPeriods(template, [['a', days], ['b', days], ['c', days]]);
  });
});

describe('each list item with its own period on the line under its code', () => {
  it.each<[string, Array<[CodeName, number]>]>([
    ['1. Video one\n{a}\n7 days\n2. Video two\n{b}\n60 days', [['a', 7], ['b', 60]]],
    ['Video A:\n{a}\n(30 days)\n\nVideo B:\n{b}\n(1 year)', [['a', 30], ['b', 365]]],
    ['- Receta 1\n{a}\n60 días\n- Receta 2\n{b}\n7 días', [['a', 60], ['b', 7]]],
    ['• Clip 1\n{a}\n1 Jahr\n• Clip 2\n{b}\n30 Tage', [['a', 365], ['b', 30]]],
    ['動画1\n{a}\n60日間\n動画2\n{b}\n7日間', [['a', 60], ['b', 7]]],
  ])('%j', (template, expected) => {
    expectPeriods(template, expected);
  });
});

describe('spelled-out numbers and "a full year" forms', () => {
  it.each<[string, number]>([
    ['{a} — thirty days', 30],
    ['{a}, authorized for sixty days', 60],
    ['{a}\nIt’s authorized for a full year.', 365],
    ['Code {a}, one year.', 365],
    ['{a} (twelve months)', 365],
    ['Código: {a}. Está autorizado por dos meses.', 60],
    ['Código: {a} — treinta días', 30],
    ['Código: {a}, válido por um ano inteiro', 365],
    ['Hier der Code: {a}\nEr gilt zwei Monate.', 60],
    ['Code: {a} (sieben Tage)', 7],
    ['Voici le code : {a}, valable deux mois.', 60],
    ['Code : {a} – une semaine', 7],
    ['Codice: {a} valido sessanta giorni', 60],
    ['Hier is de advertentiecode: {a}\nGeldig voor twee maanden.', 60],
    ['Code: {a} (30 dagen)', 30],
    ['Code: {a} — een heel jaar', 365],
    ['広告コード：{a}\n有効期間は一年間です。', 365],
    ['広告コード：{a}（30日間）', 30],
    ['広告コード：{a} 七日間有効', 7],
  ])('%j → %s', (template, days) => {
    expectPeriods(template, [['a', days]]);
  });
});

describe('never a period', () => {
  it.each([
    'Code: {a}\nInvoice terms net 30.',
    'Code: {a}\nPayment is net 30 days from invoice.',
    '{a}\nUse 30% off for my followers!',
    '{a}\nPlease reply within 7 days.',
    '{a}\nThe campaign runs 30 days.',
    '{a}\nWe posted it two months ago.',
    '{a}\nI have been on TikTok for a year now.',
    'New code: {a}\n\nOn Mon, Aug 4, 2025 at 9:00 AM Maya wrote:\n> My last code was valid 60 days',
    'Código: {a}\nLa campaña dura 30 días.',
    'Code: {a}\nDie Kampagne läuft 30 Tage.',
    'Code : {a}\nPaiement sous 30 jours.',
    'Codice: {a}\nPagamento entro 30 giorni.',
    'Code: {a}\nBetaling binnen 30 dagen.',
    'コード：{a}\n30日以内にお支払いします。',
  ])('%j', (template) => {
    expectPeriods(template, [['a', undefined]]);
  });

  it.each([
    ['Dutch Outlook header', 'Hier is de code: {a}\n\nGroet,\nFemke\n\nVan: Femke <f@example.nl>\nOnderwerp: code\n\nCode: {b}\n7 dagen'],
    ['header ending in an address', '新しいコードです：{a}\n\n2026年10月5日(月) 10:12 藤田 <aya@example.jp>:\n> 前のコードは {b}\n> 60日間です。'],
    ['quoted lines without a header', 'New one: {a}\n\n> old one: {b}\n> 60 days'],
  ])('a period in an older message stays there (%s)', (_, template) => {
    const found = periodsOf(template);
    expect(found[0]).toEqual([C.a, undefined]);
    expect(found[1][1]).toBeDefined();
  });

  it('keeps an old code’s period in a quoted reply with the old code', () => {
    const template =
      'New code: {a}\n\nOn Mon, Aug 4, 2025 at 9:00 AM Maya wrote:\n> Old code {b} valid 60 days\n> Thanks';
    expectPeriods(template, [['a', undefined], ['b', 60]]);
  });

  it('does not spread one code’s own period to the others of a list', () => {
    expectPeriods('Codes:\n{a} (7 days)\n{b}\n{c}', [['a', 7], ['b', undefined], ['c', undefined]]);
  });
});

describe('property: look-alike durations never become a code’s period', () => {
  const TRAPS = [
    'Invoice terms are net 30.', 'Followers get 30% off.', 'Please reply within 7 days.', 'The campaign runs 30 days.',
    'We pay within 60 days of posting.', 'I posted it two months ago.', 'La campaña dura 30 días.', 'Zahlung innerhalb von 30 Tagen.',
    'Paiement sous 30 jours.', 'Pagamento entro 60 giorni.', 'Betaling binnen 30 dagen.', '30日以内にお支払いします。',
  ];
  const FILLER = ['Thanks!', 'Hi team,', 'Best, Maya', 'See the brief attached.', 'Looking forward to it.', ''];

  it('holds for any order of traps and filler around one code', () => {
    let seed = 7;
    const pick = <T>(xs: T[]) => xs[(seed = (seed * 1103515245 + 12345) % 2147483648) % xs.length];
    for (let run = 0; run < 300; run++) {
      const parts = [pick(FILLER), `Ad code: ${C.a}`, pick(TRAPS), pick(FILLER), pick(TRAPS)];
      const text = parts.join(pick(['\n', '\n\n', ' ']));
      expect(extractAdCodes(text)[0], text).toEqual({ code: C.a });
    }
  });
});
