/**
 * How an expiry was worked out (utils/expiry-derivation.ts), its fixes (period chips, the arrival-date
 * question) and the badge's estimated count; spread into the es catalog (a file per language: a page loads its own).
 */

export const esExpiry = {
  derivationMessageOn: 'mensaje del {date}',
  derivationSavedOn: 'guardado el {date} (no se encontró la fecha del mensaje)',
  derivationStated_one: '{from} + {count} día indicado en el mensaje',
  derivationStated_other: '{from} + {count} días indicados en el mensaje',
  derivationAssumed_one: '{from} + {count} día supuesto (el mensaje no indica plazo)',
  derivationAssumed_other: '{from} + {count} días supuestos (el mensaje no indica plazo)',
  derivationChosen_one: '{from} + {count} día elegido por ti',
  derivationChosen_other: '{from} + {count} días elegidos por ti',
  derivationEstimated: '{text} — estimado',
  derivationTikTok: 'exacto, de TikTok (comprobado el {date})',
  derivationTikTokNoDate: 'exacto, de TikTok',
  derivationUser: 'fijado por ti',
  derivationLabel: 'Cómo se calculó',
  periodChipsLabel: 'Plazo:',
  periodChipDays_one: '{count} día',
  periodChipDays_other: '{count} días',
  periodChosenUndo: 'Plazo fijado en {days}.',
  dateAsk: 'no se encontró la fecha: ¿cuándo llegó este código?',
  dateAskToday: 'Hoy',
  dateAskPick: 'Fecha de llegada',
  dateAnswered: 'Fecha de llegada: {date}.',
  badgeEstimated_one: '{count} de ellos estimado.',
  badgeEstimated_other: '{count} de ellos estimados.',
};
