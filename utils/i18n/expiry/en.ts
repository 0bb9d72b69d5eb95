/**
 * How an expiry was worked out (utils/expiry-derivation.ts), its fixes (period chips, the arrival-date
 * question) and the badge's estimated count; spread into the en catalog (a file per language: a page loads its own).
 */

export const enExpiry = {
  derivationMessageOn: '{date} message',
  derivationSavedOn: 'saved {date} (the message date was not found)',
  derivationStated_one: '{from} + {count} day stated in the message',
  derivationStated_other: '{from} + {count} days stated in the message',
  derivationAssumed_one: '{from} + {count} day assumed (no period in the message)',
  derivationAssumed_other: '{from} + {count} days assumed (no period in the message)',
  derivationChosen_one: '{from} + {count} day chosen by you',
  derivationChosen_other: '{from} + {count} days chosen by you',
  derivationEstimated: '{text} — estimated',
  derivationTikTok: 'exact, from TikTok (checked {date})',
  derivationTikTokNoDate: 'exact, from TikTok',
  derivationUser: 'set by you',
  derivationLabel: 'How it was worked out',
  periodChipsLabel: 'Period:',
  periodChipDays_one: '{count} day',
  periodChipDays_other: '{count} days',
  periodChosenUndo: 'Period set to {days}.',
  dateAsk: 'date not found — when did this code arrive?',
  dateAskToday: 'Today',
  dateAskPick: 'Arrival date',
  dateAnswered: 'Arrival date set to {date}.',
  badgeEstimated_one: '{count} of them estimated.',
  badgeEstimated_other: '{count} of them estimated.',
} as const;
