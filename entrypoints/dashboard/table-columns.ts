import type { MessageKey } from '@/utils/i18n/core';
import type { SortKey } from './filters';

/** The table's columns: the always-there ones sort; the optional ones are chosen in "Columns". */
export type ColumnKey = SortKey | 'video' | 'notes' | 'sender' | 'tags';

export interface Column {
  key: ColumnKey;
  label: MessageKey;
  className: string;
  width: string;
  sortable: boolean;
  /** Shown unless the user hides it. */
  byDefault: boolean;
}

export const COLUMNS: Column[] = [
  { key: 'code', label: 'colCode', className: 'col-code', width: 'minmax(180px, 1.3fr)', sortable: true, byDefault: true },
  { key: 'creator', label: 'colCreator', className: 'col-creator', width: 'minmax(120px, 1fr)', sortable: true, byDefault: true },
  { key: 'expiresAt', label: 'colExpires', className: 'col-expires', width: '170px', sortable: true, byDefault: true },
  { key: 'state', label: 'colStatus', className: 'col-status', width: '170px', sortable: true, byDefault: true },
  { key: 'video', label: 'colVideo', className: 'col-video', width: 'minmax(140px, 1fr)', sortable: false, byDefault: false },
  { key: 'notes', label: 'colNotes', className: 'col-notes', width: 'minmax(140px, 1.2fr)', sortable: false, byDefault: true },
  { key: 'tags', label: 'colTags', className: 'col-tags', width: 'minmax(120px, 1fr)', sortable: false, byDefault: true },
  { key: 'receivedAt', label: 'colReceived', className: 'col-received', width: '120px', sortable: true, byDefault: true },
  // Wide enough for the longest heading with its sort arrow (French "Utilisations"); 80 px cut German "Nutzungen".
  { key: 'uses', label: 'colUses', className: 'col-uses', width: '130px', sortable: true, byDefault: true },
  { key: 'sender', label: 'colSender', className: 'col-sender', width: 'minmax(140px, 1fr)', sortable: false, byDefault: false },
];

const STORE_KEY = 'ack.dashboard.columns';

/** The user's column choice, kept in this browser (a view preference, not data). */
export function loadColumns(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): Set<ColumnKey> {
  try {
    const saved = JSON.parse(storage?.getItem(STORE_KEY) ?? 'null') as unknown;
    if (Array.isArray(saved)) {
      const known = new Set(COLUMNS.map((c) => c.key));
      const chosen = saved.filter((k): k is ColumnKey => known.has(k as ColumnKey));
      if (chosen.length) return new Set(['code', ...chosen]);
    }
  } catch {
    // A broken value falls back to the defaults.
  }
  return new Set(COLUMNS.filter((c) => c.byDefault).map((c) => c.key));
}

export function saveColumns(keys: Set<ColumnKey>, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage) {
  storage?.setItem(STORE_KEY, JSON.stringify([...keys]));
}

/** The grid's track list: the select box, then the visible columns in their fixed order. */
export function gridTemplate(visible: Set<ColumnKey>): string {
  return ['44px', ...COLUMNS.filter((c) => visible.has(c.key)).map((c) => c.width)].join(' ');
}
