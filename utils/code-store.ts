/** Older import path: the vault's commands and queries now own every write and read. */
export {
  saveCaptures,
  newRecord,
  mergeCapture,
  editCode as updateCode,
  deleteCodes,
  restoreDeleted,
  type SaveOutcome,
  type SaveResult,
} from './vault/commands';
export { countExpiringSoon, listUsable, nextBadgeChangeAt, savedAmong } from './vault/queries';
export type { CodePatch } from './vault/schema';
