import { registerCatalog } from './core';
import { es } from './es';
import { pt } from './pt';
import { de } from './de';
import { fr } from './fr';

/** Every language, registered up front: for the dashboard, options, background and tests. */
export * from './core';

registerCatalog('es', es);
registerCatalog('pt', pt);
registerCatalog('de', de);
registerCatalog('fr', fr);
