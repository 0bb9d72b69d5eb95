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
const apiTime = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const ms = parseApiTime(value);
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: `not a date: ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return ms;
});

const optionalText = z.string().nullish().transform((v) => (v ? v : undefined));
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

/** Turns a TikTok return code and message into something a marketer can act on. */
export function classifyApiError(apiCode: number, apiMessage: string, advertiserId = ''): ApiError {
  const said = apiMessage.trim();
  const base = { apiCode };
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
  if (/auth_code|auth code|post code|video code|ad code/i.test(said)) {
    if (/delet|revok|cancel|withdraw|unbind/i.test(said)) {
      return { ...base, kind: 'code-revoked', message: 'The creator revoked this code or deleted the post. Ask them for a new code.' };
    }
    return { ...base, kind: 'code-invalid', message: `TikTok did not accept this code: ${said || `error ${apiCode}`}. Check it is complete or ask the creator for a new one.` };
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

export interface TikTokClient {
  videoInfo(authCode: string): Promise<ApiResult<VideoFacts>>;
  advertiserInfo(): Promise<ApiResult<AdvertiserFacts>>;
}

export function createTikTokClient(options: TikTokClientOptions): TikTokClient {
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const base = options.baseUrl ?? TIKTOK_API_BASE;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function get<T>(path: string, params: Record<string, string>, schema: z.ZodType<T>): Promise<ApiResult<T>> {
    const url = new URL(path, base);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    let response: Response;
    try {
      response = await doFetch(url.toString(), {
        method: 'GET',
        headers: { 'Access-Token': options.accessToken },
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
    if (code !== 0) return fail({ ...classifyApiError(code, message, options.advertiserId), requestId });
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
    async videoInfo(authCode) {
      const result = await get(
        'tt_video/info/',
        { advertiser_id: options.advertiserId, auth_code: authCode },
        videoInfoDataSchema,
      );
      if (!result.ok) return result;
      const { item_info: item, auth_info: auth, user_info: user, video_info: video } = result.value;
      return {
        ok: true,
        value: {
          authStatus: auth.ad_auth_status.toUpperCase(),
          itemStatus: item.status?.toUpperCase(),
          authStart: auth.auth_start_time,
          authEnd: auth.auth_end_time,
          itemId: item.item_id,
          tiktokName: user?.tiktok_name,
          videoText: item.text,
          posterUrl: video?.poster_url,
        },
      };
    },
    async advertiserInfo() {
      const result = await get(
        'advertiser/info/',
        { advertiser_ids: JSON.stringify([options.advertiserId]), fields: JSON.stringify(['advertiser_id', 'name']) },
        advertiserInfoDataSchema,
      );
      if (!result.ok) return result;
      const found = result.value.list.find((a) => a.advertiser_id === options.advertiserId) ?? result.value.list[0];
      return { ok: true, value: { advertiserId: found.advertiser_id, name: found.name } };
    },
  };
}

function fail(error: ApiError): { ok: false; error: ApiError } {
  return { ok: false, error };
}
