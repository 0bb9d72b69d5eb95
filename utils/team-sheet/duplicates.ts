import type { ReadRow, SheetColumn } from './row';
import { col, SHEET_COLUMNS } from './row';
import { sameValue, type SharedCode, type SharedField } from './shared';

/**
 * A code typed (or pasted) a second time in the sheet: two rows, one code. When every cell the second row
 * fills says what the code already says, the rows agree and the second is folded into the first (its row
 * is cleared: nothing it held is lost). Otherwise it is not imported and its problems cell names the row it
 * duplicates and the cells that differ, so a person can settle it. tests/unit/team-sheet-duplicates.test.ts.
 */

const FIELD_OF: Partial<Record<SheetColumn, SharedField>> = {
  tiktok_handle: 'creatorHandle',
  post_url: 'postUrl',
  period_days: 'periodDays',
  received_at: 'receivedAt',
  expires_at: 'expiresAt',
  tags: 'tags',
  notes: 'notes',
  sender_name: 'senderName',
  sender_email: 'senderEmail',
  subject: 'subject',
  source_url: 'sourceUrl',
  source_kind: 'sourceKind',
  archived: 'archived',
};

/** The columns the duplicate fills with something other than what the code has (sheet header names). */
export function differingCells(cells: readonly string[], read: Extract<ReadRow, { kind: 'code' }>, code: SharedCode): SheetColumn[] {
  const out: SheetColumn[] = [];
  for (const column of Object.keys(FIELD_OF) as SheetColumn[]) {
    if (!(cells[col(column)] ?? '').trim()) continue;
    const f = FIELD_OF[column]!;
    const a = read.values[f];
    const b = code[f];
    const same = f === 'tags' ? sameValue([...(a as string[])].sort(), [...(b as string[])].sort()) : sameValue(a, b);
    if (!same) out.push(column);
  }
  if (read.usage && (read.usage === 'used') !== code.uses.length > 0) out.push('usage');
  return out;
}

export function duplicateNote(earlier: number, differing: readonly SheetColumn[]): string {
  return `Not imported: this code is already in row ${earlier}, and this row's ${differing.join(', ')} differ from it. Change them in row ${earlier}, then delete this row.`;
}

/** What a folded duplicate's row becomes: empty (every column, the bookkeeping ones too). */
export const EMPTY_ROW: readonly string[] = SHEET_COLUMNS.map(() => '');
