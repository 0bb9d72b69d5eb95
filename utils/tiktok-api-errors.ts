/**
 * The TikTok API's error terms, apart from the client (utils/tiktok-api.ts) so that pages showing a
 * check's outcome (popup, dashboard) need not load the client's zod response schemas.
 */

export type ApiErrorKind =
  | 'token' // the access token is wrong, expired or revoked: fix in Options
  | 'advertiser' // the token cannot see this advertiser
  | 'scope' // API 40001: the token lacks the permission (scope) this endpoint needs
  | 'defect' // API 40002: we sent a malformed request; a bug on our side, logged
  | 'code-expired' // API 4025: the creator's authorization ended
  | 'code-revoked' // the creator deleted the code or the post
  | 'code-invalid' // TikTok does not accept this code
  | 'rate-limited'
  | 'offline'
  | 'server'
  | 'bad-response'
  | 'other';

export interface ApiError {
  kind: ApiErrorKind;
  /** Shown to the user as is. */
  message: string;
  apiCode?: number;
  requestId?: string;
}

/** Errors about the account or the connection say nothing about a code, so records stay untouched. */
export function isCodeLevel(kind: ApiErrorKind): boolean {
  return kind === 'code-expired' || kind === 'code-revoked' || kind === 'code-invalid';
}

/** Worth retrying later by itself; the others need the user (or the creator) to act first. */
export function isTransient(kind: ApiErrorKind): boolean {
  return kind === 'rate-limited' || kind === 'offline' || kind === 'server' || kind === 'bad-response';
}
