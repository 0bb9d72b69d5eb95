// Types for the Sheets API mock (sheets-mock.mjs), for the unit tests and the bench that drive it directly.
export interface SheetsMock {
  books: Map<
    string,
    { title: string; deleted?: boolean; unshared?: boolean; tabs: { title: string; sheetId: number; rows: string[][]; hidden: number[] }[] }
  >;
  log: { method: string; path: string; query: string; at: number }[];
  addBook(id: string, title: string, rows?: string[][]): void;
  rows(id: string, tab?: string): string[][];
  typeRow(id: string, cells: string[], tab?: string): void;
  typeCell(id: string, row: number, column: number, value: string, tab?: string): void;
  failNext(status: number, count?: number): void;
  revoke(token: string): void;
  allow(token: string): void;
  fetch: typeof fetch;
  route(context: unknown): Promise<void>;
}
export function createSheetsMock(opts?: { tokens?: string[] }): SheetsMock;
