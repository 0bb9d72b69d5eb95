import { describe, expect, it } from 'vitest';
import { describeExpiry, expirySourceOf, shortDay, type DerivationFacts } from '@/utils/expiry-derivation';
import { LANGUAGES, translator } from '@/utils/i18n';

const AUG20 = Date.UTC(2026, 7, 20, 13, 19);
const DEC1 = Date.UTC(2026, 11, 1, 12);
const DAY = 86_400_000;
const base = (over: Partial<DerivationFacts>): DerivationFacts => ({ periodDays: 60, periodAssumed: false, receivedAt: AUG20, expiresAt: AUG20 + 60 * DAY, ...over });

const CASES: [string, DerivationFacts][] = [
  ['stated', base({ expirySource: 'stated' })],
  ['assumed', base({ periodDays: 30, periodAssumed: true, expirySource: 'assumed' })],
  ['tiktok', base({ expirySource: 'tiktok', verified: { checkedAt: DEC1, authEnd: AUG20 + 60 * DAY } })],
  ['user', base({ expirySource: 'user', expiryEdited: true })],
  ['unknown date', base({ periodDays: 30, receivedAt: DEC1, receivedAtUnknown: true, expirySource: 'stated' })],
  ['chosen', base({ periodDays: 7, expirySource: 'chosen' })],
  ['one day', base({ periodDays: 1, expirySource: 'stated' })],
];

const EXPECTED: Record<string, string[]> = {
  en: [
    'Aug 20 message + 60 days stated in the message',
    'Aug 20 message + 30 days assumed (no period in the message) — estimated',
    'exact, from TikTok (checked Dec 1)',
    'set by you',
    'saved Dec 1 (the message date was not found) + 30 days stated in the message — estimated',
    'Aug 20 message + 7 days chosen by you',
    'Aug 20 message + 1 day stated in the message',
  ],
  es: [
    'mensaje del 20 ago + 60 días indicados en el mensaje',
    'mensaje del 20 ago + 30 días supuestos (el mensaje no indica plazo) — estimado',
    'exacto, de TikTok (comprobado el 1 dic)',
    'fijado por ti',
    'guardado el 1 dic (no se encontró la fecha del mensaje) + 30 días indicados en el mensaje — estimado',
    'mensaje del 20 ago + 7 días elegidos por ti',
    'mensaje del 20 ago + 1 día indicado en el mensaje',
  ],
  pt: [
    'mensagem de 20 de ago. + 60 dias indicados na mensagem',
    'mensagem de 20 de ago. + 30 dias presumidos (a mensagem não indica prazo) — estimado',
    'exato, do TikTok (verificado em 1 de dez.)',
    'definido por você',
    'salvo em 1 de dez. (a data da mensagem não foi encontrada) + 30 dias indicados na mensagem — estimado',
    'mensagem de 20 de ago. + 7 dias escolhidos por você',
    'mensagem de 20 de ago. + 1 dia indicado na mensagem',
  ],
  de: [
    'Nachricht vom 20. Aug. + 60 Tage laut Nachricht',
    'Nachricht vom 20. Aug. + 30 Tage angenommen (keine Laufzeit in der Nachricht) — geschätzt',
    'genau, von TikTok (geprüft am 1. Dez.)',
    'von dir festgelegt',
    'gespeichert am 1. Dez. (Datum der Nachricht nicht gefunden) + 30 Tage laut Nachricht — geschätzt',
    'Nachricht vom 20. Aug. + 7 Tage, von dir gewählt',
    'Nachricht vom 20. Aug. + 1 Tag laut Nachricht',
  ],
  fr: [
    'message du 20 août + 60 jours indiqués dans le message',
    'message du 20 août + 30 jours supposés (aucune durée dans le message) — estimation',
    'exact, selon TikTok (vérifié le 1 déc.)',
    'fixé par vous',
    'enregistré le 1 déc. (date du message introuvable) + 30 jours indiqués dans le message — estimation',
    'message du 20 août + 7 jours choisis par vous',
    'message du 20 août + 1 jour indiqué dans le message',
  ],
};

describe('describeExpiry: how an expiry was worked out, in every UI language', () => {
  for (const lang of LANGUAGES) {
    it.each(CASES.map(([name, facts], i) => [name, facts, i] as const))(`${lang}: %s`, (_, facts, i) => {
      expect(describeExpiry(facts, translator(lang), shortDay(lang, 'UTC'))).toBe(EXPECTED[lang][i]);
    });
  }

  it('the day is the user’s zone’s day, not UTC’s', () => {
    const lateAug20Utc = Date.UTC(2026, 7, 20, 23, 30);
    const text = describeExpiry(base({ receivedAt: lateAug20Utc, expirySource: 'stated' }), translator('en'), shortDay('en', 'Asia/Tokyo'));
    expect(text).toBe('Aug 21 message + 60 days stated in the message');
  });
});

describe('expirySourceOf: records saved before the source was stored', () => {
  it.each([
    ['periodAssumed → assumed', base({ periodAssumed: true, expiryEdited: true }), 'assumed'],
    ['TikTok end in force → tiktok, even after an old hand edit', base({ expiryEdited: true, verified: { checkedAt: DEC1, authEnd: AUG20 + 60 * DAY } }), 'tiktok'],
    ['hand edit after TikTok → user', base({ expiryEdited: true, expiresAt: DEC1, verified: { checkedAt: DEC1, authEnd: AUG20 } }), 'user'],
    ['expiryEdited → user', base({ expiryEdited: true }), 'user'],
    ['verified (expired since) → tiktok', base({ expiresAt: DEC1, verified: { checkedAt: DEC1, authEnd: AUG20 } }), 'tiktok'],
    ['else stated', base({}), 'stated'],
    ['a stored source wins', base({ periodAssumed: true, expirySource: 'chosen' }), 'chosen'],
  ] as const)('%s', (_, facts, source) => {
    expect(expirySourceOf(facts)).toBe(source);
  });
});
