import { en, type Catalog } from './en';
export const pt: Catalog = { ...en };
