/**
 * TikTok Ads Manager as one site folder: where the helper runs (hosts), the words its UI uses
 * per language (wordings), the few stable hooks it exposes (selectors, with fallbacks), the
 * reader that finds code fields, dialogs and buttons through open shadow roots (field-reader),
 * and the saved pages those are checked against (fixtures, driven by tests/unit/ads-manager-site.test.ts).
 */
export { ADS_MANAGER_MATCHES, advertiserIdFromUrl, isAdsManagerOrigin } from './hosts';
export {
  buttonAction,
  classifyField,
  closestDialog,
  dialogButtons,
  dialogTitle,
  fieldProblem,
  findCodeFields,
  isShown,
  type ButtonAction,
  type CodeField,
  type DetectedField,
} from './field-reader';
export type { TikTokCodeProblem } from './wordings';
