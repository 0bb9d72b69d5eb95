import { SETTING_RULES } from '@/utils/settings';

/** "7, 3, 1" ⇄ [7, 3, 1]. Validated with the settings' own rule, so the rule lives once. */
export function parseThresholds(text: string): number[] | undefined {
  const parts = text.split(/[,;\s]+/).filter(Boolean);
  if (parts.some((p) => !/^\d+$/.test(p))) return undefined;
  const values = [...new Set(parts.map(Number))].sort((a, b) => b - a);
  return SETTING_RULES.notifyThresholds(values);
}

export function formatThresholds(values: number[]): string {
  return values.join(', ');
}
