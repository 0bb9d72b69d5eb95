import { useEffect, useId, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, saveSettings, SETTING_RULES, type Settings } from '@/utils/settings';
import { useSettings } from '@/components/useSettings';
import { ALLOWED_PERIODS } from '@/utils/expiry';
import { LANGUAGE_NAMES, LANGUAGES } from '@/utils/i18n/core';
import { knownZones } from '@/utils/i18n/dates';
import { useI18n } from '@/utils/i18n/context';
import { LazyI18nProvider } from '@/utils/i18n/lazy';
import { ApiSection } from './ApiSection';
import { StorageSection } from './StorageSection';
import { TeamSection } from './TeamSection';
import { formatThresholds, parseThresholds } from './thresholds';

export function OptionsRoot() {
  const settings = useSettings();
  return (
    <LazyI18nProvider language={settings.language} timeZone={settings.timeZone}>
      <OptionsPage settings={settings} />
    </LazyI18nProvider>
  );
}

/** Every change is saved at once (through the zod-checked settings item); invalid text is never saved. */
export function OptionsPage({ settings }: { settings: Settings }) {
  const { t, tn, lang } = useI18n();
  const id = useId();
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [windowText, setWindowText] = useState(String(settings.alertWindowDays));
  const [thresholdText, setThresholdText] = useState(formatThresholds(settings.notifyThresholds));
  const [thresholdError, setThresholdError] = useState(false);
  const [windowError, setWindowError] = useState(false);
  const zones = useMemo(() => knownZones(), []);
  const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  // A value saved elsewhere (another tab, a reset) replaces the text box; adjusted during render, as React's docs
  // describe for state that follows a prop. Keyed by value, not array identity: every settings read is a new
  // array and must not wipe what the user is typing.
  const savedThresholds = formatThresholds(settings.notifyThresholds);
  const [shownSaved, setShownSaved] = useState({ window: settings.alertWindowDays, thresholds: savedThresholds });
  if (shownSaved.window !== settings.alertWindowDays || shownSaved.thresholds !== savedThresholds) {
    if (shownSaved.window !== settings.alertWindowDays) setWindowText(String(settings.alertWindowDays));
    if (shownSaved.thresholds !== savedThresholds) setThresholdText(savedThresholds);
    setShownSaved({ window: settings.alertWindowDays, thresholds: savedThresholds });
  }
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${t('appName')} — ${t('settingsTitle')}`;
  }, [lang, t]);

  const save = async (patch: Partial<Settings>) => {
    try {
      await saveSettings(patch);
      setStatus({ tone: 'ok', text: t('settingsSaved') });
    } catch (e) {
      setStatus({ tone: 'error', text: t('settingsSaveFailed', { reason: (e as Error).message }) });
    }
  };

  const commitWindow = () => {
    const days = windowText.trim() === '' ? undefined : SETTING_RULES.alertWindowDays(Number(windowText));
    setWindowError(days === undefined);
    if (days !== undefined && days !== settings.alertWindowDays) void save({ alertWindowDays: days });
  };
  const commitThresholds = () => {
    const parsed = parseThresholds(thresholdText);
    setThresholdError(!parsed);
    if (parsed && parsed.join() !== settings.notifyThresholds.join()) void save({ notifyThresholds: parsed });
  };

  return (
    <div className="opt">
      <header className="opt-header">
        <img src="/icon/48.png" alt="" width={32} height={32} />
        <div>
          <h1>{t('settingsTitle')}</h1>
          <p className="opt-sub">{t('appName')}</p>
        </div>
        <a className="btn" href={browser.runtime.getURL('/dashboard.html')}>
          {t('openDashboard')}
        </a>
      </header>

      <main className="opt-main">
        <section className="opt-card" aria-labelledby={`${id}-alerts`}>
          <h2 id={`${id}-alerts`}>{t('settingsAlerts')}</h2>
          <div className="opt-field">
            <label htmlFor={`${id}-window`}>{t('settingsAlertWindow')}</label>
            <div className="opt-inline">
              <input
                id={`${id}-window`}
                className="input opt-number"
                type="number"
                inputMode="numeric"
                min={1}
                max={60}
                value={windowText}
                aria-invalid={windowError}
                aria-describedby={`${id}-window-help`}
                onChange={(e) => setWindowText(e.target.value)}
                onBlur={commitWindow}
                onKeyDown={(e) => e.key === 'Enter' && commitWindow()}
              />
              <span>{t('settingsDays')}</span>
            </div>
            <p id={`${id}-window-help`} className={windowError ? 'opt-error' : 'opt-help'}>
              {windowError ? '1–60' : t('settingsAlertWindowHelp')}
            </p>
          </div>

          <div className="opt-check">
            <input
              id={`${id}-notify`}
              type="checkbox"
              checked={settings.notificationsEnabled}
              onChange={(e) => void save({ notificationsEnabled: e.target.checked })}
            />
            <label htmlFor={`${id}-notify`}>{t('settingsNotifications')}</label>
          </div>

          <div className="opt-field">
            <label htmlFor={`${id}-thresholds`}>{t('settingsThresholds')}</label>
            <input
              id={`${id}-thresholds`}
              className="input opt-text"
              value={thresholdText}
              disabled={!settings.notificationsEnabled}
              aria-invalid={thresholdError}
              aria-describedby={`${id}-thresholds-help`}
              onChange={(e) => setThresholdText(e.target.value)}
              onBlur={commitThresholds}
              onKeyDown={(e) => e.key === 'Enter' && commitThresholds()}
            />
            <p id={`${id}-thresholds-help`} className={thresholdError ? 'opt-error' : 'opt-help'}>
              {thresholdError ? t('settingsThresholdsInvalid') : t('settingsThresholdsHelp')}
            </p>
          </div>

          <div className="opt-check">
            <input
              id={`${id}-digest`}
              type="checkbox"
              checked={settings.dailyDigest}
              disabled={!settings.notificationsEnabled}
              aria-describedby={`${id}-digest-help`}
              onChange={(e) => void save({ dailyDigest: e.target.checked })}
            />
            <div>
              <label htmlFor={`${id}-digest`}>{t('settingsDigest')}</label>
              <p id={`${id}-digest-help`} className="opt-help">
                {t('settingsDigestHelp')}
              </p>
            </div>
          </div>
        </section>

        <section className="opt-card" aria-labelledby={`${id}-codes`}>
          <h2 id={`${id}-codes`}>{t('settingsCodes')}</h2>
          <div className="opt-field">
            <label htmlFor={`${id}-period`}>{t('settingsDefaultPeriod')}</label>
            <select
              id={`${id}-period`}
              className="input opt-select"
              value={settings.defaultPeriodDays}
              onChange={(e) => void save({ defaultPeriodDays: Number(e.target.value) as Settings['defaultPeriodDays'] })}
            >
              {ALLOWED_PERIODS.map((p) => (
                <option key={p} value={p}>
                  {tn('periodDays', p)}
                </option>
              ))}
            </select>
          </div>
        </section>

        <section className="opt-card" aria-labelledby={`${id}-display`}>
          <h2 id={`${id}-display`}>{t('settingsDisplay')}</h2>
          <div className="opt-field">
            <label htmlFor={`${id}-zone`}>{t('settingsTimeZone')}</label>
            <select id={`${id}-zone`} className="input opt-select" value={settings.timeZone} onChange={(e) => void save({ timeZone: e.target.value })}>
              <option value="local">{t('settingsTimeZoneLocal', { zone: localZone })}</option>
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z.replace(/_/g, ' ')}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="opt-field opt-fieldset">
            <legend>{t('settingsTheme')}</legend>
            <div className="opt-segment">
              {(['system', 'light', 'dark'] as const).map((th) => (
                <label key={th} className={settings.theme === th ? 'is-checked' : ''}>
                  <input type="radio" name={`${id}-theme`} value={th} checked={settings.theme === th} onChange={() => void save({ theme: th })} />
                  {t(th === 'system' ? 'themeSystem' : th === 'light' ? 'themeLight' : 'themeDark')}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="opt-field">
            <label htmlFor={`${id}-lang`}>{t('settingsLanguage')}</label>
            <select
              id={`${id}-lang`}
              className="input opt-select"
              value={settings.language}
              onChange={(e) => void save({ language: e.target.value as Settings['language'] })}
            >
              <option value="auto">{t('languageAuto')}</option>
              {LANGUAGES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>
          </div>
        </section>

        <ApiSection />
        <TeamSection />

        <StorageSection />

        <div className="opt-footer">
          <button type="button" className="btn" onClick={() => void save(DEFAULT_SETTINGS)}>
            {t('settingsReset')}
          </button>
          <p role="status" aria-live="polite" className={status?.tone === 'error' ? 'opt-error' : 'opt-saved'}>
            {status?.text}
          </p>
        </div>
      </main>
    </div>
  );
}
