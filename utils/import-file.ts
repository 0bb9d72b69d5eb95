import type { AdCodeRecord } from './code-record';
import { looksLikeJson, previewImportFile, previewStreamedCsv, type ImportPreview, type PreviewOptions } from './import-preview';
import { readLargeSheet } from './import/sheet';
import { IMPORT_FILE_MAX_BYTES, IMPORT_JSON_MAX_BYTES } from './vault/limits';

const MB = 1024 * 1024;

/** Sheets up to this size go through the column mapping step (read whole, shown with samples); larger ones stream. */
export const SHEET_MAPPING_MAX_BYTES = 32 * MB;

/** A JSON backup, told from a sheet by its name and first bytes (never by reading the whole file). */
async function isJsonBackup(file: File): Promise<boolean> {
  return looksLikeJson(file.name, new TextDecoder().decode(await file.slice(0, 64).arrayBuffer()));
}

/** Whether this file goes through the mapping step: a sheet (not a JSON backup) small enough to read whole. */
export async function needsMappingStep(file: File): Promise<boolean> {
  return file.size <= SHEET_MAPPING_MAX_BYTES && !(await isJsonBackup(file));
}

/**
 * The preview of a file the user picked. A CSV is read slice by slice (a 400 MB sheet is never one
 * string); a JSON backup is read whole, so it has its own, smaller limit, which the preview states.
 */
export async function previewImportBlob(
  file: File,
  existing: ReadonlyMap<string, AdCodeRecord>,
  opts: PreviewOptions & { fmtDate: (ts: number) => string },
  sliceBytes?: number,
): Promise<ImportPreview> {
  if (file.size > IMPORT_FILE_MAX_BYTES) {
    return { ok: false, error: `the file is larger than ${IMPORT_FILE_MAX_BYTES / MB} MB (the import limit); split it into smaller files` };
  }
  if (await isJsonBackup(file)) {
    if (file.size > IMPORT_JSON_MAX_BYTES) {
      return {
        ok: false,
        error: `a JSON backup is read whole and may be at most ${IMPORT_JSON_MAX_BYTES / MB} MB; export the codes as CSV (read in slices, up to ${IMPORT_FILE_MAX_BYTES / MB} MB) or split the backup`,
      };
    }
    return previewImportFile(file.name, await file.text(), existing, opts);
  }
  return previewStreamedCsv(await readLargeSheet(file, opts.locale, sliceBytes), existing, opts);
}
