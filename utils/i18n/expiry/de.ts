/**
 * How an expiry was worked out (utils/expiry-derivation.ts), its fixes (period chips, the arrival-date
 * question) and the badge's estimated count; spread into the de catalog (a file per language: a page loads its own).
 */

export const deExpiry = {
  derivationMessageOn: 'Nachricht vom {date}',
  derivationSavedOn: 'gespeichert am {date} (Datum der Nachricht nicht gefunden)',
  derivationStated_one: '{from} + {count} Tag laut Nachricht',
  derivationStated_other: '{from} + {count} Tage laut Nachricht',
  derivationAssumed_one: '{from} + {count} Tag angenommen (keine Laufzeit in der Nachricht)',
  derivationAssumed_other: '{from} + {count} Tage angenommen (keine Laufzeit in der Nachricht)',
  derivationChosen_one: '{from} + {count} Tag, von dir gewählt',
  derivationChosen_other: '{from} + {count} Tage, von dir gewählt',
  derivationEstimated: '{text} — geschätzt',
  derivationTikTok: 'genau, von TikTok (geprüft am {date})',
  derivationTikTokNoDate: 'genau, von TikTok',
  derivationUser: 'von dir festgelegt',
  derivationLabel: 'So berechnet',
  periodChipsLabel: 'Laufzeit:',
  periodChipDays_one: '{count} Tag',
  periodChipDays_other: '{count} Tage',
  periodChosenUndo: 'Laufzeit auf {days} gesetzt.',
  dateAsk: 'Datum nicht gefunden — wann kam dieser Code an?',
  dateAskToday: 'Heute',
  dateAskPick: 'Ankunftsdatum',
  dateAnswered: 'Ankunftsdatum: {date}.',
  badgeEstimated_one: 'Davon {count} geschätzt.',
  badgeEstimated_other: 'Davon {count} geschätzt.',
};
