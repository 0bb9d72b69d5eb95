import type { AdCodeRecord } from './code-record';
import { readCsvFile } from './csv';
import { looksLikeJson, previewCsv, previewImportFile, type ImportPreview, type PreviewOptions } from './import-preview';
import { IMPORT_FILE_MAX_BYTES, IMPORT_JSON_MAX_BYTES } from './vault/limits';

const MB = 1024 * 1024;

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
  const head = new TextDecoder().decode(await file.slice(0, 64).arrayBuffer());
  if (looksLikeJson(file.name, head)) {
    if (file.size > IMPORT_JSON_MAX_BYTES) {
      return {
        ok: false,
        error: `a JSON backup is read whole and may be at most ${IMPORT_JSON_MAX_BYTES / MB} MB; export the codes as CSV (read in slices, up to ${IMPORT_FILE_MAX_BYTES / MB} MB) or split the backup`,
      };
    }
    return previewImportFile(file.name, await file.text(), existing, opts);
  }
  return previewCsv(await readCsvFile(file, sliceBytes), existing, opts);
}
