import { NOTES_CONFLICT, type Replica } from './merge';

/**
 * The notes the merge kept both ways ("A ⟂ B"), taken apart again so a person can choose: each part with
 * who wrote it and when. The joined text is what travels in the sheet; who wrote each part is worked out
 * in each browser from the two sides of its own merge, because the sheet's columns stay as they are.
 */

export interface NotesSide {
  value: string;
  /** The teammate who wrote it ('' when this browser cannot tell: it saw only the joined notes). */
  by: string;
  /** When it was written (epoch ms; 0 when unknown). */
  at: number;
}

export interface NotesAsking {
  /** The kept-both notes these sides make up; once the notes read otherwise, the question is settled. */
  joined: string;
  sides: NotesSide[];
}

/** A code whose notes two teammates changed at once: both kept, waiting for someone to choose. */
export interface TeamConflict {
  code: string;
  /** The notes as they read now (both parts, joined with ⟂). */
  notes: string;
  sides: NotesSide[];
}

const sideOf = (r: Replica): NotesSide => ({ value: r.values.notes, by: r.by, at: r.fieldAt.notes ?? 0 });

/**
 * Who wrote each part of `joined`: the two sides' own notes when the merge joined them here; one side's
 * notes and the rest from the side that already held the join (a teammate's browser joined them);
 * otherwise the parts around the first ⟂, unattributed. `known` (what an earlier round found) wins while
 * it still describes the same notes, so a later round never forgets who wrote what.
 */
export function notesAsking(joined: string, sides: readonly Replica[], known?: NotesAsking): NotesAsking | undefined {
  if (known && known.joined === joined) return known;
  const cut = joined.indexOf(NOTES_CONFLICT);
  if (cut < 0) return undefined;
  for (const s of sides)
    for (const t of sides) {
      if (s === t) continue;
      const [x, y] = [s.values.notes, t.values.notes];
      if (joined === `${x}${NOTES_CONFLICT}${y}`) return { joined, sides: [sideOf(s), sideOf(t)] };
      if (y !== joined || !x) continue;
      // The row's updated_by names whoever changed the row last; when that is this side's author, it says
      // nothing about who wrote the other part.
      const other = (value: string): NotesSide => (t.by === s.by ? { value, by: '', at: 0 } : { ...sideOf(t), value });
      if (joined.startsWith(`${x}${NOTES_CONFLICT}`))
        return { joined, sides: [sideOf(s), other(joined.slice(x.length + NOTES_CONFLICT.length))] };
      if (joined.endsWith(`${NOTES_CONFLICT}${x}`))
        return { joined, sides: [other(joined.slice(0, joined.length - x.length - NOTES_CONFLICT.length)), sideOf(s)] };
    }
  const at = Math.max(0, ...sides.map((s) => s.fieldAt.notes ?? 0));
  return {
    joined,
    sides: [
      { value: joined.slice(0, cut), by: '', at: 0 },
      { value: joined.slice(cut + NOTES_CONFLICT.length), by: '', at },
    ],
  };
}

/** "Keep both": the two notes one after the other, plainly (no ⟂, so nothing asks again). */
export function keepBothNotes(sides: readonly NotesSide[]): string {
  return sides
    .map((s) => s.value.trim())
    .filter(Boolean)
    .join('\n');
}
