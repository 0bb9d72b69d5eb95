import { hasCatalog, registerCatalog, type Language } from './core';

/** Loads one language's catalog on demand (its own chunk), for pages that must stay small. */
export async function loadCatalog(lang: Language): Promise<void> {
  if (hasCatalog(lang)) return;
  const catalog =
    lang === 'es' ? (await import('./es')).es : lang === 'pt' ? (await import('./pt')).pt : lang === 'de' ? (await import('./de')).de : lang === 'fr' ? (await import('./fr')).fr : undefined;
  if (catalog) registerCatalog(lang, catalog);
}
