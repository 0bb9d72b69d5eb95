/**
 * The TikTok API feature's words: live ads at risk (dashboard, badge), a code's TikTok history,
 * the Apply dialog's results and the options page's TikTok section; spread into the en catalog.
 */

export const enTikTok = {
  adsAtRiskTitle: 'Live ads at risk',
  adsAtRisk_one: "1 ad in '{group}' stops on {stop} when {who}'s authorization ends; it is scheduled until {until}",
  adsAtRisk_other: "{count} ads in '{group}' stop on {stop} when {who}'s authorization ends; they are scheduled until {until}",
  adsAtRiskRenew: 'Ask {who} for a renewal',
  badgeAtRisk_one: "{count} code's live ads stop before their scheduled end.",
  badgeAtRisk_other: "{count} codes' live ads stop before their scheduled end.",
} as const;
