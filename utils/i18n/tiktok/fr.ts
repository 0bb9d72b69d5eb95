/** The TikTok API feature's words (see ./en.ts); spread into the fr catalog. */

export const frTikTok = {
  adsAtRiskTitle: 'Publicités actives menacées',
  adsAtRisk_one: '1 publicité dans « {group} » s’arrête le {stop} quand l’autorisation de {who} prend fin ; elle est programmée jusqu’au {until}',
  adsAtRisk_other: '{count} publicités dans « {group} » s’arrêtent le {stop} quand l’autorisation de {who} prend fin ; elles sont programmées jusqu’au {until}',
  adsAtRiskRenew: 'Demander un renouvellement à {who}',
  badgeAtRisk_one: 'Les publicités actives de {count} code s’arrêtent avant leur fin programmée.',
  badgeAtRisk_other: 'Les publicités actives de {count} codes s’arrêtent avant leur fin programmée.',
};
