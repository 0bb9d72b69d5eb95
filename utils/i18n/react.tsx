import { useMemo, type ReactNode } from 'react';
// Registers every catalog: pages using this provider show any language at once.
import './index';
import { I18nContext, makeI18n } from './context';

export { makeI18n, useI18n, useI18nOrEnglish, type I18n } from './context';

export function I18nProvider({ language, timeZone, children }: { language: string; timeZone: string; children: ReactNode }) {
  const value = useMemo(() => makeI18n(language, timeZone), [language, timeZone]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

