/** The popup's list paging; the read itself is the vault's (utils/vault/queries.ts). */
export { loadPopupView, matchesSearch, type PopupView } from '@/utils/vault/queries';

export const PAGE_SIZE = 50;
