/** The TikTok API feature's words (see ./en.ts); spread into the pt catalog. */

export const ptTikTok = {
  adsAtRiskTitle: 'Anúncios ativos em risco',
  adsAtRisk_one: '1 anúncio em “{group}” para em {stop} quando a autorização de {who} termina; está programado até {until}',
  adsAtRisk_other: '{count} anúncios em “{group}” param em {stop} quando a autorização de {who} termina; estão programados até {until}',
  adsAtRiskRenew: 'Pedir renovação a {who}',
  badgeAtRisk_one: 'Os anúncios ativos de {count} código param antes do fim programado.',
  badgeAtRisk_other: 'Os anúncios ativos de {count} códigos param antes do fim programado.',
};
