/** The TikTok API feature's words (see ./en.ts); spread into the es catalog. */

export const esTikTok = {
  adsAtRiskTitle: 'Anuncios activos en riesgo',
  adsAtRisk_one: '1 anuncio en «{group}» se detiene el {stop} cuando termina la autorización de {who}; está programado hasta el {until}',
  adsAtRisk_other: '{count} anuncios en «{group}» se detienen el {stop} cuando termina la autorización de {who}; están programados hasta el {until}',
  adsAtRiskRenew: 'Pedir una renovación a {who}',
  badgeAtRisk_one: 'Los anuncios activos de {count} código se detienen antes del final programado.',
  badgeAtRisk_other: 'Los anuncios activos de {count} códigos se detienen antes del final programado.',
};
