/**
 * How an expiry was worked out (utils/expiry-derivation.ts), its fixes (period chips, the arrival-date
 * question) and the badge's estimated count; spread into the fr catalog (a file per language: a page loads its own).
 */

export const frExpiry = {
  derivationMessageOn: 'message du {date}',
  derivationSavedOn: 'enregistré le {date} (date du message introuvable)',
  derivationStated_one: '{from} + {count} jour indiqué dans le message',
  derivationStated_other: '{from} + {count} jours indiqués dans le message',
  derivationAssumed_one: '{from} + {count} jour supposé (aucune durée dans le message)',
  derivationAssumed_other: '{from} + {count} jours supposés (aucune durée dans le message)',
  derivationChosen_one: '{from} + {count} jour choisi par vous',
  derivationChosen_other: '{from} + {count} jours choisis par vous',
  derivationEstimated: '{text} — estimation',
  derivationTikTok: 'exact, selon TikTok (vérifié le {date})',
  derivationTikTokNoDate: 'exact, selon TikTok',
  derivationUser: 'fixé par vous',
  derivationLabel: 'Mode de calcul',
  periodChipsLabel: 'Durée :',
  periodChipDays_one: '{count} jour',
  periodChipDays_other: '{count} jours',
  periodChosenUndo: 'Durée fixée à {days}.',
  dateAsk: 'date introuvable — quand ce code est-il arrivé ?',
  dateAskToday: 'Aujourd’hui',
  dateAskPick: 'Date d’arrivée',
  dateAnswered: 'Date d’arrivée : {date}.',
  badgeEstimated_one: 'Dont {count} estimé.',
  badgeEstimated_other: 'Dont {count} estimés.',
};
