/**
 * The Ads Manager code picker's words (and the "expires in 3 days" phrases it shares with the other pages).
 * Spread into each full catalog; the picker frame loads only its language's file (utils/i18n/picker).
 */
export const enPicker = {
  expiresInDays_one: 'expires in {count} day',
  expiresInDays_other: 'expires in {count} days',
  expiresTomorrow: 'expires tomorrow',
  expiresInHours_one: 'expires in {count} hour',
  expiresInHours_other: 'expires in {count} hours',
  expiredToday: 'expired today',
  expiredYesterday: 'expired yesterday',
  expiredDaysAgo_one: 'expired {count} day ago',
  expiredDaysAgo_other: 'expired {count} days ago',

  pickerTitle: 'Saved ad codes',
  pickerFrameTitle: 'Ad Code Keeper: saved ad codes',
  pickerButtonLabel: 'Show saved ad codes (Ad Code Keeper)',
  pickerClose: 'Close saved ad codes',
  pickerAccountNumber: 'Ad account {id}',
  pickerListLabel: 'Usable codes, soonest expiry first',
  pickerUsedHere: 'Used here',
  pickerExpiredSection: 'Expired',
  pickerShowExpired: 'Show expired',
  pickerUnknownCreator: 'Unknown creator',
  pickerInField: 'In the field',
  pickerFill: 'Fill',
  pickerFillLabel: 'Fill {code} from {who}, {expiry}',
  pickerSelectLabel: 'Select {code} from {who}',
  pickerSelected: '{label}, selected',
  pickerExpiringSoon: '(expiring soon)',
  pickerExpiredOn: 'Expired on {date}',
  pickerUsedConfirmLabel: 'Code already used in this account',
  pickerUsedConfirmOn: 'Already used in this account on {date}. TikTok may already list this post.',
  pickerUsedConfirm: 'Already used in this account. TikTok may already list this post.',
  pickerCancel: 'Cancel',
  pickerFillAnyway: 'Fill anyway',
  pickerFilled_one: 'Filled the code. Search and Confirm in TikTok.',
  pickerFilled_other: 'Filled {count} codes. Search and Confirm in TikTok.',
  pickerAlreadyInField: 'Those codes are already in the field.',
  pickerFillFailed: 'The code could not be filled.',
  pickerMarkedUsed: 'Marked used in this account: {names}',
  pickerUndo: 'Undo',
  pickerUndone: 'Marked unused again.',
  pickerRefused: 'TikTok refused {who}: {message}',
  pickerRequestRenewal: 'Request renewal',
  pickerNoMatch: 'No saved code matches “{query}”.',
  pickerAllExpired: 'Every saved code has expired. Ask the creators for new ones.',
  pickerNone: 'No usable codes yet. Save codes from your inbox with Ad Code Keeper.',
  pickerFillLines_one: 'Fill {count} code as lines',
  pickerFillLines_other: 'Fill {count} codes as lines',
  pickerMatching: 'Matching “{query}”',
  // The list's own visibility guard (the background's and the page's refusals: ./refusals.ts).
  pickerGuardHidden: 'The page is hiding or covering this list, so it will not fill. Nothing was filled.',
  pickerGuardJustShown: 'The list only just appeared under the pointer. Look it over and choose again.',
} as const;

export type PickerKey = keyof typeof enPicker;
export type PickerCatalog = Record<PickerKey, string>;
