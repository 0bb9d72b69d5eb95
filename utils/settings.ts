import { storage } from 'wxt/utils/storage';
import { ALLOWED_PERIODS, DEFAULT_ALERT_WINDOW_DAYS, DEFAULT_PERIOD_DAYS } from './expiry';

// Checked by hand rather than with zod: the popup reads settings on every open, and zod would be
// most of its bundle. Each field has one rule here, used for reads (stored values), writes and the
// Options page's input checks alike.

export const THEMES = ['system', 'light', 'dark'] as const;
export const LANGUAGE_SETTINGS = ['auto', 'en', 'es', 'pt', 'de', 'fr'] as const;

export interface Settings {
  /** Days before expiry a code counts on the badge. */
  alertWindowDays: number;
  /** Days before expiry a notification fires, once per code and threshold. */
  notifyThresholds: number[];
  notificationsEnabled: boolean;
  /** One summary notification a day instead of one per code. */
  dailyDigest: boolean;
  defaultPeriodDays: (typeof ALLOWED_PERIODS)[number];
  /** IANA zone for shown dates; 'local' follows the browser. */
  timeZone: string;
  theme: (typeof THEMES)[number];
  language: (typeof LANGUAGE_SETTINGS)[number];
}

export const DEFAULT_SETTINGS: Settings = {
  alertWindowDays: DEFAULT_ALERT_WINDOW_DAYS,
  notifyThresholds: [7, 3, 1],
  notificationsEnabled: true,
  dailyDigest: false,
  defaultPeriodDays: DEFAULT_PERIOD_DAYS,
  timeZone: 'local',
  theme: 'system',
  language: 'auto',
};

const intIn = (min: number, max: number) => (v: unknown) => (Number.isInteger(v) && (v as number) >= min && (v as number) <= max ? (v as number) : undefined);
const oneOf =
  <T extends string | number>(allowed: readonly T[]) =>
  (v: unknown) =>
    (allowed as readonly unknown[]).includes(v) ? (v as T) : undefined;
const bool = (v: unknown) => (typeof v === 'boolean' ? v : undefined);
const dayInAdvance = intIn(0, 60);

/** Each field's rule: the value if it is allowed, otherwise undefined. */
export const SETTING_RULES: { [K in keyof Settings]: (value: unknown) => Settings[K] | undefined } = {
  alertWindowDays: intIn(1, 60),
  notifyThresholds: (v) => (Array.isArray(v) && v.length <= 6 && v.every((d) => dayInAdvance(d) !== undefined) ? [...v] : undefined),
  notificationsEnabled: bool,
  dailyDigest: bool,
  defaultPeriodDays: oneOf(ALLOWED_PERIODS),
  timeZone: (v) => (typeof v === 'string' ? v : undefined),
  theme: oneOf(THEMES),
  language: oneOf(LANGUAGE_SETTINGS),
};

/** Anything stored that no longer fits falls back field by field to defaults. */
export function parseSettings(raw: unknown): Settings {
  const input = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(SETTING_RULES) as (keyof Settings)[]) {
    out[key] = SETTING_RULES[key](input[key]) ?? structuredClone(DEFAULT_SETTINGS[key]);
  }
  return out as unknown as Settings;
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
