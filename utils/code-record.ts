/** The saved-code types, derived from the vault's zod schema: a type-only path, so page scripts that import it never bundle zod. */
export type {
  AdCodeRecord,
  CaptureInput,
  CaptureKind,
  CaptureSource,
  CodeAccount,
  CodeUse,
  HistoryEntry,
  LiveAdGroup,
  StoredRecord,
  UsageStatus,
  VerifiedFacts,
} from './vault/schema';
