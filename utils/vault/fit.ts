import { LIMITS } from './limits';
import type { AdCodeRecord, CaptureInput, CaptureSource } from './schema';

/**
 * Fitting what the extension itself collects into the limits, before it is stored: a page title
 * or sender name longer than its limit is shortened (with …), a source link longer than its
 * limit is left out (a cut link would lead nowhere). So a stored record always parses, and
 * every later path (edit, undo, backup, import) accepts it.
 */

export function clip(text: string | undefined, max: number): string | undefined {
  if (text === undefined || text.length <= max) return text;
  return `${text.slice(0, max - 1)}…`;
}

export function fitSource(source: CaptureSource): CaptureSource {
  const fitted: CaptureSource = { ...source };
  if (source.senderName !== undefined) fitted.senderName = clip(source.senderName, LIMITS.senderName);
  if (source.subject !== undefined) fitted.subject = clip(source.subject, LIMITS.subject);
  if (source.messageId !== undefined && source.messageId.length > LIMITS.messageId) delete fitted.messageId;
  if (source.senderEmail !== undefined && source.senderEmail.length > LIMITS.senderEmail) delete fitted.senderEmail;
  if (source.url !== undefined && source.url.length > LIMITS.sourceUrl) delete fitted.url;
  return fitted;
}

export function fitCapture(input: CaptureInput): CaptureInput {
  const fitted: CaptureInput = { ...input, source: fitSource(input.source) };
  if (input.notes !== undefined) fitted.notes = clip(input.notes, LIMITS.notes);
  return fitted;
}

/**
 * Notes from a new capture are added to the record's notes only while they fit: the notes the
 * user has are never cut to make room (the capture's text stays in its source message).
 */
export function appendNotes(existing: string, added: string | undefined): string {
  if (!added || existing.includes(added)) return existing;
  const joined = existing ? `${existing}\n${added}` : added;
  return joined.length <= LIMITS.notes ? joined : existing;
}

/** Brings a record stored before the limits existed within them (schema version 4's upgrade). */
export function fitRecord(r: AdCodeRecord): AdCodeRecord {
  const fitted: AdCodeRecord = { ...r, source: fitSource(r.source) };
  if (r.notes.length > LIMITS.notes) fitted.notes = clip(r.notes, LIMITS.notes)!;
  if (r.uses.length > LIMITS.uses) fitted.uses = r.uses.slice(-LIMITS.uses);
  if (r.tags.length > LIMITS.tags || r.tags.some((t) => t.length > LIMITS.tag)) {
    fitted.tags = [...new Set(r.tags.map((t) => clip(t, LIMITS.tag)!))].slice(0, LIMITS.tags);
  }
  if (r.verified) {
    const v = { ...r.verified };
    v.tiktokName = clip(v.tiktokName, LIMITS.tiktokName);
    v.videoText = clip(v.videoText, LIMITS.videoText);
    v.error = clip(v.error, LIMITS.verifiedError);
    if (v.posterUrl && v.posterUrl.length > LIMITS.posterUrl) delete v.posterUrl;
    for (const k of Object.keys(v) as (keyof typeof v)[]) if (v[k] === undefined) delete v[k];
    fitted.verified = v;
  }
  return fitted;
}
