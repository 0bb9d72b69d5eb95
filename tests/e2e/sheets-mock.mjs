// Loopback mock of the Google Sheets API v4 (host sheets.googleapis.com), in memory: spreadsheets.get/create/batchUpdate
// and values.get/batchGet/update/batchUpdate/append, with bearer-token checks (401), deleted or unshared sheets
// (404/403) and injected rate limits or server errors (429/5xx). One grid can serve several browser contexts
// (route(context)) and the unit tests and bench (fetch). Values behave like the real API's: trailing empty rows
// and cells are left out of a read, and RAW input is stored as typed.

const COLS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function parseRange(a1) {
  const bang = a1.lastIndexOf('!');
  const tab = bang >= 0 ? a1.slice(0, bang).replace(/^'|'$/g, '') : undefined;
  const m = /^([A-Z]+)?(\d+)?(?::([A-Z]+)?(\d+)?)?$/.exec(bang >= 0 ? a1.slice(bang + 1) : a1);
  if (!m) throw new Error(`bad range ${a1}`);
  const c0 = m[1] ? COLS.indexOf(m[1]) : 0;
  const r0 = m[2] ? Number(m[2]) : 1;
  const c1 = m[3] ? COLS.indexOf(m[3]) : m[4] === undefined && !a1.includes(':') ? c0 : 25;
  const r1 = m[4] ? Number(m[4]) : a1.includes(':') ? Infinity : r0;
  return { tab, c0, r0, c1, r1 };
}

export function createSheetsMock({ tokens = ['team-token-a', 'team-token-b'] } = {}) {
  const books = new Map();
  const valid = new Set(tokens);
  const faults = [];
  const log = [];
  let n = 0;

  const tabOf = (book, name) => (name ? book.tabs.find((t) => t.title === name) : book.tabs[0]);
  function read(tab, r) {
    const rows = [];
    const last = Math.min(r.r1, tab.rows.length);
    for (let i = r.r0; i <= last; i++) {
      const row = (tab.rows[i - 1] ?? []).slice(r.c0, r.c1 + 1).map((v) => v ?? '');
      while (row.length && row[row.length - 1] === '') row.pop();
      rows.push(row);
    }
    while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
    return rows;
  }
  function write(tab, r, values) {
    values.forEach((vals, i) => {
      const row = (tab.rows[r.r0 - 1 + i] ??= []);
      vals.forEach((v, j) => {
        row[r.c0 + j] = v == null ? '' : String(v);
      });
    });
    for (let i = 0; i < tab.rows.length; i++) tab.rows[i] ??= [];
  }
  const lastFilled = (tab) => {
    let i = tab.rows.length;
    while (i > 0 && !(tab.rows[i - 1] ?? []).some((v) => v)) i--;
    return i;
  };
  const err = (status, message) => ({ status, json: { error: { code: status, message } } });

  function handle(method, url, body, auth) {
    const u = new URL(url);
    log.push({ method, path: decodeURIComponent(u.pathname), query: decodeURIComponent(u.search), at: Date.now() });
    const fault = faults.findIndex((f) => f.count > 0);
    if (fault >= 0) {
      faults[fault].count--;
      return err(faults[fault].status, 'injected fault');
    }
    const token = /^Bearer (.+)$/.exec(auth ?? '')?.[1];
    if (!token || !valid.has(token)) return err(401, 'Request had invalid authentication credentials.');
    const path = decodeURIComponent(u.pathname);
    if (method === 'POST' && path === '/v4/spreadsheets') {
      const id = `mockSheet${String(++n).padStart(20, '0')}`;
      const tabs = (body.sheets ?? [{ properties: { title: 'Sheet1' } }]).map((s, i) => ({
        title: s.properties.title,
        sheetId: i,
        rows: [],
        hidden: [],
      }));
      books.set(id, { title: body.properties?.title ?? 'Untitled', tabs });
      return {
        status: 200,
        json: {
          spreadsheetId: id,
          properties: { title: body.properties?.title },
          sheets: tabs.map((t) => ({ properties: { title: t.title, sheetId: t.sheetId } })),
        },
      };
    }
    const m = /^\/v4\/spreadsheets\/([^/:]+)(?::batchUpdate|\/values:batchGet|\/values:batchUpdate|\/values\/(.+?)(:append)?)?$/.exec(path);
    if (!m) return err(404, `no such endpoint ${path}`);
    const book = books.get(m[1]);
    if (!book || book.deleted) return err(404, 'Requested entity was not found.');
    if (book.unshared) return err(403, 'The caller does not have permission');
    if (method === 'GET' && path === `/v4/spreadsheets/${m[1]}`) {
      return {
        status: 200,
        json: {
          spreadsheetId: m[1],
          properties: { title: book.title },
          sheets: book.tabs.map((t) => ({ properties: { title: t.title, sheetId: t.sheetId } })),
        },
      };
    }
    if (method === 'POST' && path.endsWith(':batchUpdate') && !path.includes('/values')) {
      const replies = (body.requests ?? []).map((req) => {
        if (req.addSheet) {
          const t = { title: req.addSheet.properties.title, sheetId: book.tabs.length, rows: [], hidden: [] };
          book.tabs.push(t);
          return { addSheet: { properties: { title: t.title, sheetId: t.sheetId } } };
        }
        if (req.updateDimensionProperties) {
          const t = book.tabs.find((x) => x.sheetId === req.updateDimensionProperties.range.sheetId);
          t.hidden = [req.updateDimensionProperties.range.startIndex, req.updateDimensionProperties.range.endIndex];
        }
        return {};
      });
      return { status: 200, json: { spreadsheetId: m[1], replies } };
    }
    if (method === 'GET' && path.endsWith('/values:batchGet')) {
      const ranges = u.searchParams.getAll('ranges');
      const valueRanges = ranges.map((a1) => {
        const r = parseRange(a1);
        const tab = tabOf(book, r.tab);
        if (!tab) return null;
        const values = read(tab, r);
        return { range: a1, majorDimension: 'ROWS', ...(values.length ? { values } : {}) };
      });
      if (valueRanges.includes(null)) return err(400, 'Unable to parse range');
      return { status: 200, json: { spreadsheetId: m[1], valueRanges } };
    }
    if (method === 'POST' && path.endsWith('/values:batchUpdate')) {
      for (const d of body.data ?? []) {
        const r = parseRange(d.range);
        const tab = tabOf(book, r.tab);
        if (!tab) return err(400, 'Unable to parse range');
        write(tab, r, d.values ?? []);
      }
      return { status: 200, json: { spreadsheetId: m[1], totalUpdatedRows: (body.data ?? []).length } };
    }
    if (m[2]) {
      const r = parseRange(m[2]);
      const tab = tabOf(book, r.tab);
      if (!tab) return err(400, 'Unable to parse range');
      if (method === 'GET') return { status: 200, json: { range: m[2], majorDimension: 'ROWS', values: read(tab, r) } };
      if (method === 'PUT') {
        write(tab, r, body.values ?? []);
        return { status: 200, json: { updatedRange: m[2] } };
      }
      if (method === 'POST' && m[3]) {
        const start = lastFilled(tab) + 1;
        write(tab, { ...r, r0: start }, body.values ?? []);
        const end = start + (body.values ?? []).length - 1;
        return {
          status: 200,
          json: {
            updates: {
              updatedRange: `${tab.title}!${COLS[r.c0]}${start}:${COLS[r.c0 + (body.values?.[0]?.length ?? 1) - 1]}${end}`,
              updatedRows: body.values?.length ?? 0,
            },
          },
        };
      }
    }
    return err(400, `unsupported ${method} ${path}`);
  }

  return {
    books,
    log,
    handle,
    /** A spreadsheet that exists before anyone connects (a team's own sheet). */
    addBook(id, title, rows = []) {
      books.set(id, { title, tabs: [{ title: 'Codes', sheetId: 0, rows: rows.map((r) => [...r]), hidden: [] }] });
    },
    rows(id, tab = 'Codes') {
      return tabOf(books.get(id), tab).rows;
    },
    /** Types a row under the table, as a teammate without the extension would. */
    typeRow(id, cells, tab = 'Codes') {
      const t = tabOf(books.get(id), tab);
      t.rows[lastFilled(t)] = [...cells];
    },
    /** Types over one cell of an existing row (1-based row, 0-based column), as a teammate would: updated_at stays. */
    typeCell(id, row, column, value, tab = 'Codes') {
      const r = (tabOf(books.get(id), tab).rows[row - 1] ??= []);
      for (let i = r.length; i < column; i++) r[i] = '';
      r[column] = value;
    },
    failNext(status, count = 1) {
      faults.push({ status, count });
    },
    revoke(token) {
      valid.delete(token);
    },
    allow(token) {
      valid.add(token);
    },
    /** A fetch for unit tests and the bench: the same answers the browser gets through route(). */
    fetch: async (url, init = {}) => {
      const auth = init.headers?.Authorization ?? init.headers?.authorization;
      const res = handle(init.method ?? 'GET', String(url), init.body ? JSON.parse(init.body) : undefined, auth);
      return new Response(JSON.stringify(res.json), { status: res.status, headers: { 'Content-Type': 'application/json' } });
    },
    /** Answers https://sheets.googleapis.com/** in a browser context (registered after the harness's catch-all). */
    async route(context) {
      await context.route('https://sheets.googleapis.com/**', async (route) => {
        const req = route.request();
        const res = handle(
          req.method(),
          req.url(),
          req.postData() ? JSON.parse(req.postData()) : undefined,
          req.headers()['authorization'],
        );
        await route.fulfill({ status: res.status, contentType: 'application/json', body: JSON.stringify(res.json) });
      });
    },
  };
}
