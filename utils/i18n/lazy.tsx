import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { hasCatalog, resolveLanguage } from './core';
import { I18nContext, makeI18n, type I18n } from './context';
import { loadCatalog } from './load';

/**
 * Like I18nProvider, but fetches only the chosen language's catalog (English is built in), so a
 * small page such as the popup does not carry all of them. Until the first catalog is there it
 * renders nothing; on a later switch it keeps the previous language until the new one is loaded.
 * If a catalog cannot be loaded, the page stays in English.
 */
export function LazyI18nProvider({ language, timeZone, children }: { language: string; timeZone: string; children: ReactNode }) {
  const lang = resolveLanguage(language);
  // Bumped when a catalog arrives: hasCatalog() reads a module-level cache React cannot see change.
  const [, setLoaded] = useState(0);
  const [failed, setFailed] = useState<string>();
  const ready = hasCatalog(lang);
  useEffect(() => {
    if (ready) return;
    let live = true;
    loadCatalog(lang).then(
      () => live && setLoaded((n) => n + 1),
      () => live && setFailed(lang),
    );
    return () => {
      live = false;
    };
  }, [lang, ready]);
  const value = useMemo(
    () => (ready ? makeI18n(language, timeZone) : failed === lang ? makeI18n('en', timeZone) : null),
    [language, timeZone, lang, ready, failed],
  );
  // The last language that could be shown, kept while the next catalog loads (adjusting state during render,
  // as React's docs describe for "storing information from previous renders").
  const [last, setLast] = useState<I18n | null>(value);
  if (value && value !== last) setLast(value);
  const shown = value ?? last;
  return shown ? <I18nContext.Provider value={shown}>{children}</I18nContext.Provider> : null;
}
