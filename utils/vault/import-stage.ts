import type { StoredRecord } from './schema';
import { BATCH, IMPORT_STAGE_TTL_MS } from './limits';
import { VaultRefused } from './commands';
import { normalizeAdCode } from '../extract';

/**
 * Chunks of a big import, held in the background under the import's id until its last chunk
 * arrives. Nothing touches the vault until then, so a failure or cancel midway changes nothing:
 * the stage is simply dropped. Time is passed in (tests).
 */
export class ImportStage {
  private stages = new Map<string, { records: StoredRecord[]; touchedAt: number }>();

  /** Adds a chunk; returns how many records the import now holds. */
  add(importId: string, records: StoredRecord[], now: number): number {
    this.dropStale(now);
    const stage = this.stages.get(importId) ?? { records: [], touchedAt: now };
    if (stage.records.length + records.length > BATCH.importTotal) {
      this.stages.delete(importId);
      throw new VaultRefused(`An import may hold at most ${BATCH.importTotal} codes; nothing was imported. Split the file.`);
    }
    // Refuse a bad code now, not after every chunk was sent (commitImport checks again at the end).
    const bad = records.findIndex((r) => !normalizeAdCode(r.code));
    if (bad >= 0) {
      this.stages.delete(importId);
      throw new VaultRefused(`Record ${stage.records.length + bad + 1} is not an ad code; nothing was imported.`);
    }
    for (const r of records) stage.records.push(r);
    stage.touchedAt = now;
    this.stages.set(importId, stage);
    return stage.records.length;
  }

  /** Removes the stage and returns its records (none if it was dropped or never existed). */
  take(importId: string, now: number): StoredRecord[] {
    this.dropStale(now);
    const records = this.stages.get(importId)?.records ?? [];
    this.stages.delete(importId);
    return records;
  }

  drop(importId: string): void {
    this.stages.delete(importId);
  }

  has(importId: string): boolean {
    return this.stages.has(importId);
  }

  private dropStale(now: number) {
    for (const [id, s] of this.stages) if (now - s.touchedAt > IMPORT_STAGE_TTL_MS) this.stages.delete(id);
  }
}
