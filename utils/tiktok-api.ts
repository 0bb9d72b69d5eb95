import { z } from 'zod';
import type { ApiError, ApiErrorKind } from './tiktok-api-errors';

/**
 * Client for the two TikTok Marketing API calls the extension makes, with the user's own token.
 * `fetch` and the base URL are injected so unit tests can point it at the loopback mock; the
 * extension always uses the real origin below (e2e tests intercept it instead of overriding it).
 * Nothing here throws: every outcome is a value, so a failed call can never half-write data.
 */

export const TIKTOK_API_ORIGIN = 'https://business-api.tiktok.com';
export const TIKTOK_API_PERMISSION = `${TIKTOK_API_ORIGIN}/*`;
export const TIKTOK_API_BASE = `${TIKTOK_API_ORIGIN}/open_api/v1.3/`;
const DEFAULT_TIMEOUT_MS = 20_000;

// ---------------------------------------------------------------- response shapes

/** Every Marketing API answer is wrapped like this; a non-zero `code` is an error even with HTTP 200. */
const envelopeSchema = z.object({
  code: z.number().int(),
  message: z.string().default(''),
  request_id: z.string().optional(),
  data: z.unknown().optional(),
});

/**
 * TikTok writes times as "YYYY-MM-DD HH:MM:SS" in UTC. Epoch seconds and ISO strings are accepted
 * too, so a format change does not silently drop the exact dates; anything else is an error.
 */
export const apiTime = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const ms = parseApiTime(value);
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: `not a date: ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return ms;
});

export const optionalText = z.string().nullish().transform((v) => (v ? v : undefined));
const optionalUrl = z
  .string()
  .nullish()
  .transform((v) => (v && /^https:\/\//.test(v) ? v : undefined));

export const videoInfoDataSchema = z.object({
  item_info: z.object({
    auth_code: z.string().optional(),
    item_id: z.union([z.string(), z.number()]).transform(String).optional(),
    text: optionalText,
    status: z.string().optional(),
  }),
  auth_info: z.object({
    ad_auth_status: z.string().min(1),
    auth_start_time: apiTime.optional(),
    auth_end_time: apiTime,
    invite_start_time: apiTime.nullish(),
  }),
  user_info: z
    .object({
      identity_id: z.string().optional(),
      identity_type: z.string().optional(),
      tiktok_name: optionalText,
    })
    .optional(),
  video_info: z.object({ poster_url: optionalUrl, preview_url: optionalUrl }).partial().optional(),
});

const advertiserInfoDataSchema = z.object({
  list: z
    .array(z.object({ advertiser_id: z.union([z.string(), z.number()]).transform(String), name: optionalText }).loose())
    .min(1),
});

export const pageInfoSchema = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    total_page: z.coerce.number().int().min(0).default(0),
    total_number: z.coerce.number().int().min(0).optional(),
  })
  .loose();

/** One page of /tt_video/list/; items are checked one by one, so one odd post cannot hide the others. */
const postsPageSchema = z.object({
  page_info: pageInfoSchema.optional(),
  list: z.array(z.unknown()).nullish().transform((v) => v ?? []),
});

export function parseApiTime(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? value * 1000 : undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(value.trim());
  if (m) return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
  if (/^\d{9,11}$/.test(value.trim())) return Number(value) * 1000;
  const iso = /^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(value.trim()) ? Date.parse(value) : NaN;
  return Number.isNaN(iso) ? undefined : iso;
}

/** What TikTok says about one code, in the extension's own terms. */
export interface VideoFacts {
  authStatus: string;
  itemStatus?: string;
  authStart?: number;
  authEnd: number;
  itemId?: string;
  tiktokName?: string;
  videoText?: string;
  posterUrl?: string;
}

/** One authorized post as /tt_video/list/ returns it: the code and what TikTok knows about it. */
export interface PostFacts extends VideoFacts {
  authCode: string;
}

export interface PostsPage {
  page: number;
  totalPages: number;
  totalNumber?: number;
  posts: PostFacts[];
  /** Items TikTok listed that lacked a code or a valid end date (counted, never stored). */
  unreadable: number;
}

export interface AdvertiserFacts {
  advertiserId: string;
  name?: string;
}

// ---------------------------------------------------------------- errors

export { isCodeLevel, isTransient, type ApiError, type ApiErrorKind } from './tiktok-api-errors';

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const CODE_EXPIRED_MESSAGE = 'Authorization expired. Contact the creator to extend the authorization.';

const TOKEN_CODES = new Set([40102, 40104, 40105, 40106]);
const ADVERTISER_CODES = new Set([40001, 40118, 40119, 40125, 40300, 40301]);
const RATE_LIMIT_CODES = new Set([40016, 40100, 40133]);

/**
 * The permission (scope) each endpoint needs, worded as TikTok's scope list words it, so a 40001
 * answer can say which box to tick when the token is made again.
 */
export const ENDPOINT_SCOPES: Record<string, string> = {
  'tt_video/info/': 'Creative Management › TikTok Posts Management › Query TikTok Posts',
  'tt_video/list/': 'Creative Management › TikTok Posts Management › Authorize TikTok Posts',
  'tt_video/authorize/': 'Creative Management › TikTok Posts Management › Authorize TikTok Posts',
  'advertiser/info/': 'Ad Account Management › Get Ad Account Info',
  'ad/get/': 'Ads Management › Read Ads',
  'adgroup/get/': 'Ads Management › Read Ad Groups',
};

/** Turns a TikTok return code and message into something a marketer can act on. */
export function classifyApiError(apiCode: number, apiMessage: string, advertiserId = '', endpoint = ''): ApiError {
  const said = apiMessage.trim();
  const base = { apiCode };
  // 40001 is also TikTok's answer for an advertiser the token cannot see; its message names the advertiser then.
  if (apiCode === 40001 && !/advertiser/i.test(said)) {
    const scope = ENDPOINT_SCOPES[endpoint];
    return {
      ...base,
      kind: 'scope',
      message: `The access token lacks a permission${scope ? ` (“${scope}”, needed for ${endpoint})` : ''}. Make a new token with it ticked in TikTok's developer portal and paste it in Options.`,
    };
  }
  if (apiCode === 4025 || /authori[sz]ation (has )?expired/i.test(said)) {
    return { ...base, kind: 'code-expired', message: CODE_EXPIRED_MESSAGE };
  }
  if (TOKEN_CODES.has(apiCode)) {
    return {
      ...base,
      kind: 'token',
      message: 'TikTok did not accept the access token (it may be mistyped, expired or revoked). Paste a current token in Options → TikTok API verification.',
    };
  }
  if (RATE_LIMIT_CODES.has(apiCode)) {
    return { ...base, kind: 'rate-limited', message: 'TikTok asked us to slow down. Checks will resume automatically a little later.' };
  }
  if (apiCode >= 50000 || apiCode === 40700 || apiCode === 41001) {
    return { ...base, kind: 'server', message: `TikTok's service had a problem (${apiCode}). Checks will be retried later; nothing was changed.` };
  }
  if (ADVERTISER_CODES.has(apiCode) || /advertiser/i.test(said)) {
    return {
      ...base,
      kind: 'advertiser',
      message: `This access token cannot use advertiser ${advertiserId || '(none set)'}. Check the advertiser ID in Options: it is the number after "aadvid=" in Ads Manager's address.`,
    };
  }
  if (apiCode === 4013) return { ...base, kind: 'code-invalid', message: `TikTok did not accept this code: ${said || 'the post code is incorrect'}. Check it is complete or ask the creator for a new one.` };
  if (apiCode === 4002) return { ...base, kind: 'code-revoked', message: 'The creator revoked this code or deleted the post. Ask them for a new code.' };
  if (/auth_code|auth code|post code|video code|ad code|\bthe code\b/i.test(said)) {
    if (/delet|revok|cancel|withdraw|unbind/i.test(said)) {
      return { ...base, kind: 'code-revoked', message: 'The creator revoked this code or deleted the post. Ask them for a new code.' };
    }
    return { ...base, kind: 'code-invalid', message: `TikTok did not accept this code: ${said || `error ${apiCode}`}. Check it is complete or ask the creator for a new one.` };
  }
  // 40002 about a code is the creator's business (above); any other 40002 is a request we built wrongly.
  if (apiCode === 40002) {
    return {
      ...base,
      kind: 'defect',
      message: `TikTok refused a request Ad Code Keeper built wrongly (40002${said ? `: ${said}` : ''}). This is our bug, not yours; it was logged. Nothing was changed.`,
    };
  }
  return { ...base, kind: 'other', message: `TikTok refused the request (${apiCode}${said ? `: ${said}` : ''}).` };
}

// ---------------------------------------------------------------- backoff

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/** Rate limits start slower than ordinary failures: TikTok throttles per app and per advertiser. */
export const BACKOFF: Record<'rate-limited' | 'default', BackoffPolicy> = {
  'rate-limited': { baseMs: 15 * 60_000, maxMs: 12 * 3_600_000 },
  default: { baseMs: 5 * 60_000, maxMs: 6 * 3_600_000 },
};

/**
 * Delay before the next attempt after `failures` consecutive failures (1 = first failure):
 * exponential, capped, with jitter in [50 %, 100 %] so many browsers never retry in lockstep.
 */
export function backoffDelayMs(kind: ApiErrorKind, failures: number, random: () => number = Math.random): number {
  const policy = kind === 'rate-limited' ? BACKOFF['rate-limited'] : BACKOFF.default;
  const exp = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, Math.min(failures - 1, 20)));
  const raw = random();
  const r = Number.isFinite(raw) ? Math.min(1, Math.max(0, raw)) : 1;
  return Math.round(exp * (0.5 + 0.5 * r));
}

// ---------------------------------------------------------------- client

export interface TikTokClientOptions {
  accessToken: string;
  advertiserId: string;
  fetch?: typeof fetch;
  /** Only tests change this (to the loopback mock); the extension always uses TIKTOK_API_BASE. */
  baseUrl?: string;
  timeoutMs?: number;
}

/** TikTok's own limit for /tt_video/list/. */
export const POSTS_PAGE_SIZE = 50;

export interface TikTokClient {
  videoInfo(authCode: string): Promise<ApiResult<VideoFacts>>;
  /** The configured advertiser, or `advertiserId` (an extra account) when given. */
  advertiserInfo(advertiserId?: string): Promise<ApiResult<AdvertiserFacts>>;
  /** One page (from 1) of the posts authorized in `advertiserId`'s account. */
  postsPage(advertiserId: string, page: number): Promise<ApiResult<PostsPage>>;
  /** Applies a creator's code to `advertiserId`'s account (/tt_video/authorize/). */
  authorize(advertiserId: string, authCode: string): Promise<ApiResult<true>>;
  /** Any other read (GET) through the same envelope, error and date handling: utils/tiktok-ads-api.ts. */
  read<T>(path: string, params: Record<string, string>, schema: z.ZodType<T>): Promise<ApiResult<T>>;
}

type VideoData = z.infer<typeof videoInfoDataSchema>;

function toFacts({ item_info: item, auth_info: auth, user_info: user, video_info: video }: VideoData): VideoFacts {
  return {
    authStatus: auth.ad_auth_status.toUpperCase(),
    itemStatus: item.status?.toUpperCase(),
    authStart: auth.auth_start_time,
    authEnd: auth.auth_end_time,
    itemId: item.item_id,
    tiktokName: user?.tiktok_name,
    videoText: item.text,
    posterUrl: video?.poster_url,
  };
}

export function createTikTokClient(options: TikTokClientOptions): TikTokClient {
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const base = options.baseUrl ?? TIKTOK_API_BASE;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function get<T>(
    path: string,
    params: Record<string, string>,
    schema: z.ZodType<T>,
    /** Named in an "advertiser not allowed" answer. */
    advertiserId = params.advertiser_id ?? options.advertiserId,
    /** POST: the parameters go as a JSON body (TikTok's write endpoints), not in the query. */
    method: 'GET' | 'POST' = 'GET',
  ): Promise<ApiResult<T>> {
    const url = new URL(path, base);
    if (method === 'GET') for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    let response: Response;
    try {
      response = await doFetch(url.toString(), {
        method,
        headers: method === 'POST' ? { 'Access-Token': options.accessToken, 'Content-Type': 'application/json' } : { 'Access-Token': options.accessToken },
        ...(method === 'POST' ? { body: JSON.stringify(params) } : {}),
        credentials: 'omit',
        cache: 'no-store',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (e) {
      const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
      return fail({
        kind: 'offline',
        message: timedOut
          ? 'TikTok did not answer in time. Checks will be retried later; nothing was changed.'
          : 'Could not reach TikTok (offline or blocked). Checks will be retried when you are back online; nothing was changed.',
      });
    }
    if (response.status === 429) return fail(classifyApiError(40100, ''));
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      if (response.status >= 500) return fail({ kind: 'server', message: `TikTok's service had a problem (HTTP ${response.status}). Checks will be retried later; nothing was changed.` });
      return fail({ kind: 'bad-response', message: `TikTok answered with something that is not JSON (HTTP ${response.status}). Nothing was changed.` });
    }
    const envelope = envelopeSchema.safeParse(body);
    if (!envelope.success) {
      if (response.status >= 500) return fail({ kind: 'server', message: `TikTok's service had a problem (HTTP ${response.status}). Checks will be retried later; nothing was changed.` });
      return fail({ kind: 'bad-response', message: `TikTok's answer had an unexpected shape (HTTP ${response.status}). Nothing was changed.` });
    }
    const { code, message, request_id: requestId, data } = envelope.data;
    if (code !== 0) {
      const error = { ...classifyApiError(code, message, advertiserId, path), requestId };
      // A parameter error is a defect in this extension: keep what is needed to fix it (never the token).
      if (error.kind === 'defect') console.error('[ad-code-keeper] TikTok 40002', path, Object.keys(params), message, requestId);
      return fail(error);
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      const where = parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.') || 'data'}: ${i.message}`)
        .join('; ');
      return fail({ kind: 'bad-response', message: `TikTok's answer was missing expected facts (${where}). Nothing was changed.`, requestId });
    }
    return { ok: true, value: parsed.data };
  }

  return {
    read: (path, params, schema) => get(path, params, schema),
    async videoInfo(authCode) {
      const result = await get('tt_video/info/', { advertiser_id: options.advertiserId, auth_code: authCode }, videoInfoDataSchema);
      return result.ok ? { ok: true, value: toFacts(result.value) } : result;
    },
    async advertiserInfo(advertiserId = options.advertiserId) {
      const result = await get(
        'advertiser/info/',
        { advertiser_ids: JSON.stringify([advertiserId]), fields: JSON.stringify(['advertiser_id', 'name']) },
        advertiserInfoDataSchema,
        advertiserId,
      );
      if (!result.ok) return result;
      const found = result.value.list.find((a) => a.advertiser_id === advertiserId) ?? result.value.list[0];
      return { ok: true, value: { advertiserId: found.advertiser_id, name: found.name } };
    },
    async authorize(advertiserId, authCode) {
      const result = await get('tt_video/authorize/', { advertiser_id: advertiserId, auth_code: authCode }, z.unknown(), advertiserId, 'POST');
      return result.ok ? { ok: true, value: true } : result;
    },
    async postsPage(advertiserId, page) {
      const result = await get(
        'tt_video/list/',
        // JSON-array parameters: TikTok answers 40002 to repeated ones (notes/real-pages.md, real probe).
        { advertiser_id: advertiserId, item_types: JSON.stringify(['VIDEO', 'CAROUSEL']), page: String(page), page_size: String(POSTS_PAGE_SIZE) },
        postsPageSchema,
      );
      if (!result.ok) return result;
      const posts: PostFacts[] = [];
      let unreadable = 0;
      for (const raw of result.value.list) {
        const item = videoInfoDataSchema.safeParse(raw);
        const authCode = item.success ? item.data.item_info.auth_code?.trim() : undefined;
        if (item.success && authCode) posts.push({ ...toFacts(item.data), authCode });
        else unreadable++;
      }
      const info = result.value.page_info;
      return {
        ok: true,
        value: { page: info?.page ?? page, totalPages: info?.total_page ?? page, totalNumber: info?.total_number, posts, unreadable },
      };
    },
  };
}

function fail(error: ApiError): { ok: false; error: ApiError } {
  return { ok: false, error };
}
