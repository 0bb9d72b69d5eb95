/**
 * The popup's list paging. The read itself is the vault's (loadPopupView in utils/vault/queries.ts),
 * run by the background for the popup's `popupView` message: the popup carries no database code.
 */
export const PAGE_SIZE = 50;
