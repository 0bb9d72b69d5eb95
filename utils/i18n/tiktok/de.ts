/** The TikTok API feature's words (see ./en.ts); spread into the de catalog. */

export const deTikTok = {
  adsAtRiskTitle: 'Laufende Anzeigen in Gefahr',
  adsAtRisk_one: '1 Anzeige in „{group}“ stoppt am {stop}, wenn die Autorisierung von {who} endet; geplant ist sie bis {until}',
  adsAtRisk_other: '{count} Anzeigen in „{group}“ stoppen am {stop}, wenn die Autorisierung von {who} endet; geplant sind sie bis {until}',
  adsAtRiskRenew: '{who} um Verlängerung bitten',
  badgeAtRisk_one: 'Bei {count} Code stoppen laufende Anzeigen vor ihrem geplanten Ende.',
  badgeAtRisk_other: 'Bei {count} Codes stoppen laufende Anzeigen vor ihrem geplanten Ende.',
};
