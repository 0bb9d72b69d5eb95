import { LAST_COLUMN, SHEET_COLUMNS, col } from './row';

/**
 * The few Google Sheets API v4 calls the team sheet needs (spreadsheets.get/create/batchUpdate,
 * values.batchGet/batchUpdate/append), with every failure sorted into what the sync does about it:
 * 'auth' (401: sign in again, the queue is kept), 'gone' (403/404: the sheet was deleted or unshared,
 * sync stops), 'retry' (429, 5xx, no network: back off), 'other'.
 */

export const SHEETS_API = 'https://sheets.googleapis.com';
export { SHEETS_PERMISSION } from './settings';
export const SHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';
export const TAB = 'Codes';

export class SheetsError extends Error {
  constructor(
    readonly kind: 'auth' | 'gone' | 'retry' | 'other',
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface ValueRange {
  range: string;
  values?: string[][];
}

/** A spreadsheet address as pasted (https://docs.google.com/spreadsheets/d/<id>/edit…) or the bare id. */
export function spreadsheetIdOf(text: string): string | undefined {
  const t = text.trim();
  const m = /\/spreadsheets\/d\/([A-Za-z0-9_-]{20,})/.exec(t);
  if (m) return m[1];
  return /^[A-Za-z0-9_-]{20,}$/.test(t) ? t : undefined;
}

/** The first row number in an A1 range such as "Codes!A12:V14". */
export function firstRowOf(range: string): number | undefined {
  const m = /![A-Z]+(\d+)/.exec(range);
  return m ? Number(m[1]) : undefined;
}

export function createSheetsClient(opts: { token: () => Promise<string>; fetch?: typeof fetch; base?: string }) {
  const doFetch = opts.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const base = opts.base ?? SHEETS_API;

  async function call<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await doFetch(`${base}${path}`, {
        method,
        headers: { Authorization: `Bearer ${await opts.token()}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new SheetsError('retry', 0, 'Google Sheets could not be reached (offline?). Changes stay queued and are sent when it answers.');
    }
    if (res.ok) return (await res.json()) as T;
    const text = await res.text().catch(() => '');
    const detail = (() => {
      try {
        return (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? '';
      } catch {
        return '';
      }
    })();
    if (res.status === 401) throw new SheetsError('auth', 401, 'Google no longer accepts the sign-in (it expired or was revoked). Sign in again; your changes stay queued.');
    if (res.status === 403 || res.status === 404)
      throw new SheetsError('gone', res.status, `The team sheet was deleted or is no longer shared with you (${res.status}${detail ? `: ${detail}` : ''}). Sync stopped; connect a sheet again in Options.`);
    if (res.status === 429 || res.status >= 500) throw new SheetsError('retry', res.status, `Google Sheets is busy (${res.status}); trying again shortly.`);
    throw new SheetsError('other', res.status, `Google Sheets refused the request (${res.status}${detail ? `: ${detail}` : ''}).`);
  }

  const q = (id: string) => `/v4/spreadsheets/${encodeURIComponent(id)}`;

  return {
    async spreadsheet(id: string): Promise<{ title: string; tabs: { title: string; sheetId: number }[] }> {
      const r = await call<{ properties: { title: string }; sheets?: { properties: { title: string; sheetId: number } }[] }>(
        'GET',
        `${q(id)}?fields=properties.title,sheets.properties`,
      );
      return { title: r.properties.title, tabs: (r.sheets ?? []).map((s) => s.properties) };
    },
    /** A new spreadsheet with the Codes tab, its header row, and the bookkeeping columns hidden. */
    async create(title: string): Promise<string> {
      const r = await call<{ spreadsheetId: string; sheets: { properties: { sheetId: number } }[] }>('POST', '/v4/spreadsheets', {
        properties: { title },
        sheets: [{ properties: { title: TAB, gridProperties: { frozenRowCount: 1 } } }],
      });
      await this.prepareTab(r.spreadsheetId, r.sheets[0].properties.sheetId);
      return r.spreadsheetId;
    },
    /** Writes the header row and hides the bookkeeping columns of a (new or existing) Codes tab. */
    async prepareTab(id: string, sheetId: number): Promise<void> {
      await this.writeRows(id, [{ range: `${TAB}!A1:${LAST_COLUMN}1`, values: [[...SHEET_COLUMNS]] }]);
      await call('POST', `${q(id)}:batchUpdate`, {
        requests: [
          {
            updateDimensionProperties: {
              range: { sheetId, dimension: 'COLUMNS', startIndex: col('record_id'), endIndex: SHEET_COLUMNS.length },
              properties: { hiddenByUser: true },
              fields: 'hiddenByUser',
            },
          },
        ],
      });
    },
    async addTab(id: string): Promise<number> {
      const r = await call<{ replies: { addSheet: { properties: { sheetId: number } } }[] }>('POST', `${q(id)}:batchUpdate`, {
        requests: [{ addSheet: { properties: { title: TAB } } }],
      });
      return r.replies[0].addSheet.properties.sheetId;
    },
    async batchGet(id: string, ranges: string[]): Promise<ValueRange[]> {
      const qs = ranges.map((r) => `ranges=${encodeURIComponent(r)}`).join('&');
      const r = await call<{ valueRanges?: ValueRange[] }>('GET', `${q(id)}/values:batchGet?${qs}&majorDimension=ROWS&valueRenderOption=FORMATTED_VALUE`);
      return r.valueRanges ?? [];
    },
    async writeRows(id: string, data: ValueRange[]): Promise<void> {
      if (!data.length) return;
      await call('POST', `${q(id)}/values:batchUpdate`, { valueInputOption: 'RAW', data });
    },
    /** Appends rows under the table; returns the row number of the first one. */
    async append(id: string, rows: string[][]): Promise<number | undefined> {
      const r = await call<{ updates?: { updatedRange?: string } }>(
        'POST',
        `${q(id)}/values/${encodeURIComponent(`${TAB}!A1:${LAST_COLUMN}`)}:append?valueInputOption=RAW&insertDataOption=INSERT_ROWS`,
        { majorDimension: 'ROWS', values: rows },
      );
      return r.updates?.updatedRange ? firstRowOf(r.updates.updatedRange) : undefined;
    },
  };
}

export type SheetsClient = ReturnType<typeof createSheetsClient>;
