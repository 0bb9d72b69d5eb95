// A loopback-only stand-in for TikTok's Marketing API, reproducing the documented envelope
// ({ code, message, request_id, data }, HTTP 200 even for errors) and the error codes the
// extension must handle. Used by unit/contract tests and, through a Playwright route, by e2e tests.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { answerList, postItem } from './accounts.mjs';
import { answerAds, answerAdgroups } from './ads.mjs';

export const MOCK_TOKEN = 'mocktoken0123456789abcdef0123456789abcdef';
export const MOCK_ADVERTISER_ID = '7012345678901234567';
export const MOCK_ADVERTISER_NAME = 'Northwind Skincare';

/** TikTok's datetime format: "YYYY-MM-DD HH:MM:SS", UTC. */
export function tiktokTime(ms) {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

export const MESSAGES = {
  tokenMissing: 'Access token is null, you should set it in http header with key Access-Token.',
  tokenInvalid: 'Access token is incorrect or has been revoked.',
  noPermission: (id) => `No permission to operate advertiser ${id}.`,
  tooFrequent: 'Requests made too frequently.',
  codeExpired: 'Authorization expired. Contact the creator to extend the authorization.',
  codeMissing: 'The auth_code does not exist.',
  codeRevoked: 'The auth_code has been deleted by the creator.',
  tokenExpired: 'Access token has expired.',
  noScope: 'Insufficient permissions.',
};

/**
 * Scenarios per code (the exact `auth_code` string):
 *   { authorized: { start, end, name, text, poster, itemStatus } }  → code 0 with full data
 *   { authStatus: 'EXPIRED', start, end }                           → code 0, ad_auth_status EXPIRED
 *   { error: [code, message] }                                      → that API error
 *   { malformed: true }                                             → code 0 but no auth_info
 *   { httpStatus: 503 }                                             → HTTP error with an HTML body
 *   { drop: true }                                                  → connection closed, no answer
 * Unknown codes get 40007 "The auth_code does not exist.".
 */
function readBody(req) {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => resolve(text));
  });
}

export async function startMockTikTokApi({
  accessToken = MOCK_TOKEN,
  advertiserId = MOCK_ADVERTISER_ID,
  advertiserName = MOCK_ADVERTISER_NAME,
  codes = {},
  /** More ad accounts the token can use: { [advertiserId]: { name, posts, ads, adgroups } } (accounts.mjs, ads.mjs). */
  accounts = {},
  /** Posts of the default advertiser's account. */
  posts = [],
  /** Ads and ad groups of the default advertiser's account (ads.mjs). */
  ads = [],
  adgroups = [],
  authorizeErrors = {},
} = {}) {
  const scenarios = new Map(Object.entries(codes));
  const requests = [];
  let rateLimitNext = 0;
  let rateLimitAt;
  let tokenLeft = Infinity;
  let listDelayMs = 0;
  const deniedScopes = new Set();
  /** /tt_video/authorize/ answers per code: [code, message], or { flaky: true } (one 40100, then success). */
  const applyErrors = new Map(Object.entries(authorizeErrors));
  const known = new Map([[advertiserId, { name: advertiserName, posts, ads, adgroups }], ...Object.entries(accounts)]);
  let adsPageCap = Infinity;

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const entry = {
      method: req.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      token: req.headers['access-token'],
      at: Date.now(),
    };
    requests.push(entry);
    const reply = (code, message, data = {}) => {
      res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      res.end(JSON.stringify({ code, message, request_id: randomUUID().replace(/-/g, ''), data }));
    };
    const endpoint = url.pathname.replace(/^\/open_api\/v1\.3\//, '');
    const isPost = req.method === 'POST' && endpoint === 'tt_video/authorize/';
    if (!isPost && (req.method !== 'GET' || !['tt_video/info/', 'advertiser/info/', 'tt_video/list/', 'ad/get/', 'adgroup/get/'].includes(endpoint))) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('404 page not found');
    }
    if (rateLimitNext > 0 && (!rateLimitAt || rateLimitAt(entry))) {
      rateLimitNext--;
      return reply(40100, MESSAGES.tooFrequent);
    }
    if (!entry.token) return reply(40104, MESSAGES.tokenMissing);
    if (entry.token !== accessToken) return reply(40105, MESSAGES.tokenInvalid);
    if (tokenLeft-- <= 0) return reply(40102, MESSAGES.tokenExpired);
    if (deniedScopes.has(endpoint)) return reply(40001, MESSAGES.noScope);

    if (isPost) return void readBody(req).then((text) => answerAuthorize(text, entry, reply));

    if (endpoint === 'tt_video/list/') {
      const adv = url.searchParams.get('advertiser_id') ?? '';
      const account = known.get(adv);
      if (!account) return reply(40001, MESSAGES.noPermission(adv));
      if (listDelayMs) return void setTimeout(() => answerList(url, account, reply), listDelayMs);
      return answerList(url, account, reply);
    }

    if (endpoint === 'ad/get/' || endpoint === 'adgroup/get/') {
      const adv = url.searchParams.get('advertiser_id') ?? '';
      const account = known.get(adv);
      if (!account) return reply(40001, MESSAGES.noPermission(adv));
      return endpoint === 'ad/get/' ? answerAds(url, account, reply, adsPageCap) : answerAdgroups(url, account, reply);
    }

    if (endpoint === 'advertiser/info/') {
      let ids = [];
      try {
        ids = JSON.parse(url.searchParams.get('advertiser_ids') ?? '[]');
      } catch {
        return reply(40002, 'advertiser_ids: Not a valid list.');
      }
      const unknown = ids.find((id) => !known.has(id));
      if (unknown !== undefined || !ids.length) return reply(40001, MESSAGES.noPermission(unknown ?? ''));
      return reply(0, 'OK', { list: ids.map((id) => ({ advertiser_id: id, name: known.get(id).name, status: 'STATUS_ENABLE' })) });
    }

    const adv = url.searchParams.get('advertiser_id');
    if (adv !== advertiserId) return reply(40001, MESSAGES.noPermission(adv ?? ''));
    const code = url.searchParams.get('auth_code') ?? '';
    if (!code) return reply(40002, 'auth_code: Missing data for required field.');
    const s = scenarios.get(code);
    if (!s) {
      // A post the account lists answers /tt_video/info/ too, with the same facts.
      const listed = (known.get(adv)?.posts ?? []).findIndex((p) => p.code === code);
      if (listed >= 0) return reply(0, 'OK', postItem(known.get(adv).posts[listed], listed));
      return reply(40007, MESSAGES.codeMissing);
    }
    if (s.drop) return req.socket.destroy();
    if (s.httpStatus) {
      res.writeHead(s.httpStatus, { 'content-type': 'text/html' });
      return res.end('<html><body>Service Unavailable</body></html>');
    }
    if (s.error) return reply(s.error[0], s.error[1]);
    if (s.malformed) return reply(0, 'OK', { item_info: { auth_code: code } });
    const a = s.authorized ?? s;
    return reply(0, 'OK', {
      item_info: { auth_code: code, item_id: a.itemId ?? '7301234567890123456', text: a.text ?? '', status: a.itemStatus ?? 'NOT_USED' },
      auth_info: {
        ad_auth_status: s.authStatus ?? 'AUTHORIZED',
        auth_start_time: tiktokTime(a.start),
        auth_end_time: tiktokTime(a.end),
        invite_start_time: tiktokTime(a.start),
      },
      user_info: { identity_id: 'mock-identity-1', identity_type: 'AUTH_CODE', tiktok_name: a.name ?? '' },
      video_info: { poster_url: a.poster ?? '', preview_url: '' },
    });
  });

  /** POST /tt_video/authorize/ {advertiser_id, auth_code}: binds the post to the account (it is listed from then on). */
  function answerAuthorize(text, entry, reply) {
    let body;
    try {
      body = JSON.parse(text || '{}');
    } catch {
      return reply(40002, 'error unmarshaling request body');
    }
    entry.body = body;
    const account = known.get(String(body.advertiser_id ?? ''));
    if (!account) return reply(40001, MESSAGES.noPermission(String(body.advertiser_id ?? '')));
    const code = String(body.auth_code ?? '');
    if (!code) return reply(40002, 'auth_code: Missing data for required field.');
    const failure = applyErrors.get(code);
    if (failure?.length) return reply(failure[0], failure[1]);
    if (failure?.flaky) {
      applyErrors.delete(code);
      return reply(40100, MESSAGES.tooFrequent);
    }
    if (!(account.posts ??= []).some((p) => p.code === code)) {
      const t = Math.floor(Date.now() / 1000) * 1000;
      account.posts.push({ code, start: t, end: t + 30 * 86_400_000, name: 'applied.creator' });
    }
    return reply(0, 'OK', {});
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: nothing outside this machine can reach the mock.
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    baseUrl: `${origin}/open_api/v1.3/`,
    port,
    requests,
    setCode(code, scenario) {
      scenarios.set(code, scenario);
    },
    /** The next `n` requests (any endpoint) get 40100 "Requests made too frequently." */
    rateLimit(n = 1, when) {
      rateLimitNext = n;
      rateLimitAt = when;
    },
    /** The token works for `n` more requests, then TikTok says it expired (40102). */
    expireTokenAfter(n) {
      tokenLeft = n;
    },
    /** Requests to `endpoint` (e.g. 'tt_video/list/') get 40001 "Insufficient permissions." */
    denyScope(endpoint) {
      deniedScopes.add(endpoint);
    },
    /** Each /tt_video/list/ answer takes this long (so a progress bar can be seen). */
    slowList(ms) {
      listDelayMs = ms;
    },
    setAuthorizeError(code, answer) {
      if (answer) applyErrors.set(code, answer);
      else applyErrors.delete(code);
    },
    setPosts(id, list) {
      known.get(id).posts = list;
    },
    /** Replaces an account's ads and ad groups (ads.mjs shapes). */
    setAds(id, list, groups) {
      Object.assign(known.get(id), { ads: list, adgroups: groups ?? known.get(id).adgroups });
    },
    /** /ad/get/ pages hold at most `n` ads whatever page_size asked (to exercise paging). */
    capAdsPage(n) {
      adsPageCap = n;
    },
    close() {
      server.closeAllConnections?.();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
