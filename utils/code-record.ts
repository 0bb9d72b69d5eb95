/** The saved-code types now live with their schema in the vault; this path stays for older imports. */
export type {
  AdCodeRecord,
  CaptureInput,
  CaptureKind,
  CaptureSource,
  CodeUse,
  StoredRecord,
  UsageStatus,
  VerifiedFacts,
} from './vault/schema';
