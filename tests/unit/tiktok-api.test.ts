// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  backoffDelayMs,
  BACKOFF,
  classifyApiError,
  CODE_EXPIRED_MESSAGE,
  createTikTokClient,
  parseApiTime,
} from '@/utils/tiktok-api';
import {
  MESSAGES,
  MOCK_ADVERTISER_ID,
  MOCK_ADVERTISER_NAME,
  MOCK_TOKEN,
  startMockTikTokApi,
  type MockTikTokApi,
} from '../mock-tiktok-api/server.mjs';

const START = Date.UTC(2026, 10, 20, 10, 14, 0);
const END = Date.UTC(2026, 11, 20, 10, 14, 0);
const OK_CODE = '#AbCdEfGh+ij/KLmn0123456789AbCdEfGhIjKlMnOpQrStUvWxYz0123456789ab';

let mock: MockTikTokApi;
beforeAll(async () => {
  mock = await startMockTikTokApi({
    codes: {
      [OK_CODE]: { authorized: { start: START, end: END, name: 'Maya Glow', text: 'My morning routine #ad', poster: 'https://p16.tiktokcdn.com/poster.jpeg' } },
      '#expiredstatus': { authStatus: 'EXPIRED', start: START - 40 * 86_400_000, end: START - 10 * 86_400_000 },
      '#expired4025': { error: [4025, MESSAGES.codeExpired] },
      '#revoked': { error: [40002, MESSAGES.codeRevoked] },
      '#malformed': { malformed: true },
      '#http503': { httpStatus: 503 },
      '#dropped': { drop: true },
      '#server': { error: [50000, 'System error.'] },
    },
  });
});
afterAll(() => mock.close());

const client = (over: Partial<{ accessToken: string; advertiserId: string }> = {}) =>
  createTikTokClient({ accessToken: MOCK_TOKEN, advertiserId: MOCK_ADVERTISER_ID, baseUrl: mock.baseUrl, timeoutMs: 3000, ...over });

describe('tt_video/info against the loopback mock', () => {
  it('sends the token as a header and the code URL-encoded, and returns the exact facts', async () => {
    const result = await client().videoInfo(OK_CODE);
    expect(result).toEqual({
      ok: true,
      value: {
        authStatus: 'AUTHORIZED',
        itemStatus: 'NOT_USED',
        authStart: START,
        authEnd: END,
        itemId: '7301234567890123456',
        tiktokName: 'Maya Glow',
        videoText: 'My morning routine #ad',
        posterUrl: 'https://p16.tiktokcdn.com/poster.jpeg',
      },
    });
    const req = mock.requests.at(-1)!;
    expect(req.path).toBe('/open_api/v1.3/tt_video/info/');
    expect(req.token).toBe(MOCK_TOKEN);
    // '#' and '+' survive the trip only if encoded.
    expect(req.query).toEqual({ advertiser_id: MOCK_ADVERTISER_ID, auth_code: OK_CODE });
  });

  it('reports EXPIRED status from a successful answer', async () => {
    const result = await client().videoInfo('#expiredstatus');
    expect(result.ok && result.value.authStatus).toBe('EXPIRED');
  });

  it.each([
    ['a wrong token', { accessToken: 'wrongtoken0123456789' }, '#any', 'token', 40105],
    ['a wrong advertiser', { advertiserId: '7999999999999999999' }, OK_CODE, 'advertiser', 40001],
    ['an expired authorization (4025)', {}, '#expired4025', 'code-expired', 4025],
    ['a revoked code', {}, '#revoked', 'code-revoked', 40002],
    ['an unknown code', {}, '#nobody-knows', 'code-invalid', 40007],
    ['a service error', {}, '#server', 'server', 50000],
  ] as const)('classifies %s', async (_label, over, code, kind, apiCode) => {
    const result = await client(over).videoInfo(code);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe(kind);
    expect(result.error.apiCode).toBe(apiCode);
    expect(result.error.message.length).toBeGreaterThan(20);
  });

  it('gives the documented renewal message for 4025', async () => {
    const result = await client().videoInfo('#expired4025');
    expect(!result.ok && result.error.message).toBe(CODE_EXPIRED_MESSAGE);
  });

  it('classifies the rate limit and recovers afterwards', async () => {
    mock.rateLimit(1);
    const limited = await client().videoInfo(OK_CODE);
    expect(!limited.ok && limited.error.kind).toBe('rate-limited');
    expect((await client().videoInfo(OK_CODE)).ok).toBe(true);
  });

  it('treats a success envelope without the expected facts as an error, naming what is missing', async () => {
    const result = await client().videoInfo('#malformed');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('bad-response');
      expect(result.error.message).toMatch(/auth_info/);
    }
  });

  it('treats an HTTP 503 HTML page as a server problem', async () => {
    const result = await client().videoInfo('#http503');
    expect(!result.ok && result.error.kind).toBe('server');
  });

  it('treats a dropped connection and an unreachable host as offline', async () => {
    const dropped = await client().videoInfo('#dropped');
    expect(!dropped.ok && dropped.error.kind).toBe('offline');
    const unreachable = await createTikTokClient({
      accessToken: MOCK_TOKEN,
      advertiserId: MOCK_ADVERTISER_ID,
      baseUrl: 'http://127.0.0.1:9/open_api/v1.3/',
    }).videoInfo(OK_CODE);
    expect(!unreachable.ok && unreachable.error.kind).toBe('offline');
  });

  it('times out instead of hanging', async () => {
    const hanging = createTikTokClient({
      accessToken: MOCK_TOKEN,
      advertiserId: MOCK_ADVERTISER_ID,
      timeoutMs: 50,
      fetch: (_url, init) =>
        new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason))),
    });
    const result = await hanging.videoInfo(OK_CODE);
    expect(!result.ok && result.error.kind).toBe('offline');
    expect(!result.ok && result.error.message).toMatch(/did not answer in time/);
  });

  it('answers a 404 (wrong path) as an unexpected response, not a success', async () => {
    const wrongBase = createTikTokClient({ accessToken: MOCK_TOKEN, advertiserId: MOCK_ADVERTISER_ID, baseUrl: `${mock.origin}/open_api/v9/` });
    const result = await wrongBase.videoInfo(OK_CODE);
    expect(!result.ok && result.error.kind).toBe('bad-response');
  });
});

describe('advertiser/info (connection test)', () => {
  it('returns the advertiser name for a good token and advertiser', async () => {
    expect(await client().advertiserInfo()).toEqual({ ok: true, value: { advertiserId: MOCK_ADVERTISER_ID, name: MOCK_ADVERTISER_NAME } });
    expect(mock.requests.at(-1)!.query.advertiser_ids).toBe(JSON.stringify([MOCK_ADVERTISER_ID]));
  });
  it('says which advertiser the token cannot use', async () => {
    const result = await client({ advertiserId: '7999999999999999999' }).advertiserInfo();
    expect(!result.ok && result.error.message).toContain('7999999999999999999');
  });
  it('reports a missing token as a token problem', async () => {
    const result = await client({ accessToken: '' }).advertiserInfo();
    expect(!result.ok && result.error.kind).toBe('token');
  });
});

describe('parseApiTime', () => {
  it('reads TikTok datetimes as UTC', () => {
    expect(parseApiTime('2026-12-20 10:14:00')).toBe(END);
    expect(parseApiTime(END / 1000)).toBe(END);
    expect(parseApiTime(String(END / 1000))).toBe(END);
    expect(parseApiTime('2026-12-20T10:14:00Z')).toBe(END);
  });
  it('rejects anything else', () => {
    for (const bad of ['', 'tomorrow', '20/12/2026', '2026-12-20', 0, -5, Number.NaN]) expect(parseApiTime(bad)).toBeUndefined();
  });
});

describe('classifyApiError', () => {
  it('reads the QPS message as a rate limit even though it names the advertiser', () => {
    expect(classifyApiError(40133, "Advertiser (1)'s QPS (20) reaches QPS limit 10 for current path").kind).toBe('rate-limited');
  });
  it('falls back to a message that quotes TikTok', () => {
    const e = classifyApiError(40999, 'Something new.');
    expect(e).toMatchObject({ kind: 'other', message: 'TikTok refused the request (40999: Something new.).' });
  });
});

describe('backoffDelayMs', () => {
  it('doubles per failure, with jitter between half and full', () => {
    const base = BACKOFF.default.baseMs;
    expect(backoffDelayMs('offline', 1, () => 1)).toBe(base);
    expect(backoffDelayMs('offline', 1, () => 0)).toBe(base / 2);
    expect(backoffDelayMs('offline', 3, () => 1)).toBe(base * 4);
  });
  it('waits longer after a rate limit and never beyond the cap', () => {
    expect(backoffDelayMs('rate-limited', 1, () => 1)).toBe(BACKOFF['rate-limited'].baseMs);
    expect(backoffDelayMs('rate-limited', 50, () => 1)).toBe(BACKOFF['rate-limited'].maxMs);
    expect(backoffDelayMs('server', 1000, () => 1)).toBe(BACKOFF.default.maxMs);
  });
  it('never returns less than half the base, whatever the random source says', () => {
    for (const r of [-1, 0, 0.3, 2, Number.NaN]) expect(backoffDelayMs('server', 1, () => r)).toBeGreaterThanOrEqual(BACKOFF.default.baseMs / 2);
  });
});
