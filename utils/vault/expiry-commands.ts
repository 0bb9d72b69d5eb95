import type { CodesDb } from './db';
import type { AdCodeRecord, ExpiryBasis } from './schema';
import { modify, runCommand, type CommandName } from './commands';
import { derivedExpiry, expiryBasisOf, expirySourceOf } from '../expiry-derivation';

/**
 * The commands that fix what an expiry rests on: the period (a chip) and the message date (the
 * "when did this code arrive?" answer), and their undo. Each returns the facts it replaced.
 */

/** What a period or date fix changed, so the popup's undo can put it back. */
export interface ExpiryFix {
  before: ExpiryBasis;
  after: AdCodeRecord;
}

function fixExpiry(db: CodesDb, name: CommandName, id: number, now: number, change: (r: AdCodeRecord) => void): Promise<ExpiryFix | undefined> {
  return runCommand(db, name, async () => {
    const r = await db.codes.get(id);
    if (!r) return undefined;
    const before = expiryBasisOf(r);
    const after = await modify(db, id, now, (next) => {
      change(next);
      if (next.expiresAt !== r.expiresAt) next.alertsSent = [];
    });
    return after && { before, after };
  });
}

/** A period chip: the user says how long the code runs; the expiry follows from the message date. */
export function choosePeriod(db: CodesDb, id: number, periodDays: number, now: number): Promise<ExpiryFix | undefined> {
  return fixExpiry(db, 'choosePeriod', id, now, (r) => {
    r.periodDays = periodDays;
    r.periodAssumed = false;
    r.expiryEdited = undefined;
    r.expirySource = 'chosen';
    r.expiresAt = derivedExpiry(r);
  });
}

/** "When did this code arrive?" answered: the date is known now, and an expiry worked out from it moves with it. */
export function setReceivedAt(db: CodesDb, id: number, receivedAt: number, now: number): Promise<ExpiryFix | undefined> {
  return fixExpiry(db, 'setReceivedAt', id, now, (r) => {
    r.receivedAt = receivedAt;
    r.receivedAtUnknown = false;
    r.expirySource = expirySourceOf(r);
    r.expiresAt = derivedExpiry(r);
  });
}

/** Undo of a period or date fix: puts back exactly the facts the fix returned. */
export function restoreExpiryBasis(db: CodesDb, id: number, basis: ExpiryBasis, now: number): Promise<ExpiryFix | undefined> {
  return fixExpiry(db, 'restoreExpiryBasis', id, now, (r) => {
    Object.assign(r, { receivedAtUnknown: undefined, expiryEdited: undefined }, basis);
  });
}

