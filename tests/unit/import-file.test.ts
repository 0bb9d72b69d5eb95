// Issue 12.3: the importer reads a CSV slice by slice (never the whole file as one string) and states the
// limit that remains for a JSON backup, which is still read whole.
import { describe, expect, it } from 'vitest';
import { previewImportBlob } from '@/utils/import-file';
import { previewImportFile } from '@/utils/import-preview';
import { makeBackup } from '@/utils/backup';
import { makeCode, NOW, record } from './dashboard-fixtures';

const opts = { zone: 'Europe/Madrid', now: NOW, defaultPeriodDays: 30, fmtDate: (t: number) => new Date(t).toISOString() };

/** A file whose whole-text read fails the test: only slices may be read. */
class SlicedOnly extends File {
  override text(): Promise<string> {
    throw new Error('read whole');
  }
}

/** A file that claims a size without holding the bytes (the limits are checked before reading). */
function hugeFile(name: string, size: number, head: string): File {
  const f = new File([head], name);
  Object.defineProperty(f, 'size', { value: size });
  return f;
}

describe('previewImportBlob', () => {
  it('a CSV read in slices gives the preview the whole text gives, characters cut between slices included', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `${makeCode(300 + i)},@c${i},"Ñoño 🎬 ${i}\r\nsegunda línea",2027-01-${String((i % 28) + 1).padStart(2, '0')}`);
    const text = `\uFEFFcode,creator,notes,expires\r\n${rows.join('\r\n')}\r\nnope,@x,,2027-01-01\r\n`;
    const whole = previewImportFile('codes.csv', text, new Map(), opts);
    for (const slice of [7, 64, 1000]) {
      const sliced = await previewImportBlob(new SlicedOnly([text], 'codes.csv'), new Map(), opts, slice);
      expect(sliced).toEqual(whole);
    }
    expect(whole).toMatchObject({ ok: true, kind: 'csv' });
    if (!whole.ok) return;
    expect(whole.rows).toHaveLength(41);
    expect(whole.rows[0].record?.notes).toBe('Ñoño 🎬 0\r\nsegunda línea');
    expect(whole.rows.at(-1)).toMatchObject({ row: 82, outcome: 'reject' });
  });

  it('a JSON backup is previewed record by record', async () => {
    const r = { ...record({ code: makeCode(77) }) } as ReturnType<typeof record>;
    delete r.id;
    const preview = await previewImportBlob(new File([makeBackup([r], 4, NOW)], 'backup.json'), new Map(), opts);
    expect(preview).toMatchObject({ ok: true, kind: 'json', rows: [{ outcome: 'add', code: makeCode(77) }] });
  });

  it('states the limits that remain: 256 MB for a JSON backup (read whole), 400 MB for any file', async () => {
    expect(await previewImportBlob(hugeFile('backup.json', 300 * 1024 * 1024, '{"format"'), new Map(), opts)).toEqual({
      ok: false,
      error: 'a JSON backup is read whole and may be at most 256 MB; export the codes as CSV (read in slices, up to 400 MB) or split the backup',
    });
    // A CSV of that size is fine to read (in slices); over 400 MB nothing is read at all.
    expect(await previewImportBlob(hugeFile('codes.csv', 401 * 1024 * 1024, 'code\n'), new Map(), opts)).toEqual({
      ok: false,
      error: 'the file is larger than 400 MB (the import limit); split it into smaller files',
    });
  });
});
