/**
 * How an expiry was worked out (utils/expiry-derivation.ts), its fixes (period chips, the arrival-date
 * question) and the badge's estimated count; spread into the pt catalog (a file per language: a page loads its own).
 */

export const ptExpiry = {
  derivationMessageOn: 'mensagem de {date}',
  derivationSavedOn: 'salvo em {date} (a data da mensagem não foi encontrada)',
  derivationStated_one: '{from} + {count} dia indicado na mensagem',
  derivationStated_other: '{from} + {count} dias indicados na mensagem',
  derivationAssumed_one: '{from} + {count} dia presumido (a mensagem não indica prazo)',
  derivationAssumed_other: '{from} + {count} dias presumidos (a mensagem não indica prazo)',
  derivationChosen_one: '{from} + {count} dia escolhido por você',
  derivationChosen_other: '{from} + {count} dias escolhidos por você',
  derivationEstimated: '{text} — estimado',
  derivationTikTok: 'exato, do TikTok (verificado em {date})',
  derivationTikTokNoDate: 'exato, do TikTok',
  derivationUser: 'definido por você',
  derivationLabel: 'Como foi calculado',
  periodChipsLabel: 'Prazo:',
  periodChipDays_one: '{count} dia',
  periodChipDays_other: '{count} dias',
  periodChosenUndo: 'Prazo definido em {days}.',
  dateAsk: 'data não encontrada — quando este código chegou?',
  dateAskToday: 'Hoje',
  dateAskPick: 'Data de chegada',
  dateAnswered: 'Data de chegada: {date}.',
  badgeEstimated_one: '{count} deles estimado.',
  badgeEstimated_other: '{count} deles estimados.',
};
