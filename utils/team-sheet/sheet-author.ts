/**
 * Who a cell typed by hand in the sheet is credited to (updated_by, "who changed what"): the sheet itself,
 * as no teammate's extension wrote it. Its own file so Options can word it without the row readers, and
 * without storage in the pages the bench bundles.
 */
export const HAND_EDITOR = 'sheet';
