import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { DEFAULT_ALERT_WINDOW_DAYS, DEFAULT_PERIOD_DAYS } from './expiry';

export const settingsSchema = z.object({
  /** Days before expiry a code counts on the badge. */
  alertWindowDays: z.number().int().min(1).max(60).default(DEFAULT_ALERT_WINDOW_DAYS),
  /** Days before expiry a notification fires, once per code and threshold. */
  notifyThresholds: z.array(z.number().int().min(0).max(60)).max(6).default([7, 3, 1]),
  notificationsEnabled: z.boolean().default(true),
  /** One summary notification a day instead of one per code. */
  dailyDigest: z.boolean().default(false),
  defaultPeriodDays: z.union([z.literal(7), z.literal(30), z.literal(60), z.literal(365)]).default(DEFAULT_PERIOD_DAYS),
  /** IANA zone for shown dates; 'local' follows the browser. */
  timeZone: z.string().default('local'),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  language: z.enum(['auto', 'en', 'es', 'pt', 'de', 'fr']).default('auto'),
});

export type Settings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** Anything stored that no longer fits the schema falls back field by field to defaults. */
export function parseSettings(raw: unknown): Settings {
  const input = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(settingsSchema.shape) as (keyof Settings)[]) {
    const field = settingsSchema.shape[key].safeParse(input[key]);
    out[key] = field.success ? field.data : DEFAULT_SETTINGS[key];
  }
  return out as Settings;
}

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export async function getSettings(): Promise<Settings> {
  return parseSettings(await settingsItem.getValue());
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = parseSettings({ ...(await getSettings()), ...patch });
  await settingsItem.setValue(next);
  return next;
}
