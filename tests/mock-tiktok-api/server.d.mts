export const MOCK_TOKEN: string;
export const MOCK_ADVERTISER_ID: string;
export const MOCK_ADVERTISER_NAME: string;
export const MESSAGES: {
  tokenMissing: string;
  tokenInvalid: string;
  noPermission: (id: string) => string;
  tooFrequent: string;
  codeExpired: string;
  codeMissing: string;
  codeRevoked: string;
  tokenExpired: string;
  noScope: string;
};

export interface MockPost {
  code: string;
  start: number;
  end: number;
  name?: string;
  text?: string;
  itemId?: string;
  itemStatus?: string;
  authStatus?: string;
  poster?: string;
  format?: 'iso' | 'space';
}
export function tiktokTime(ms: number): string;

export interface MockAd {
  adId: string;
  adgroupId: string;
  itemId?: string;
  identityType?: string;
  operationStatus?: string;
  secondaryStatus?: string;
  name?: string;
}
export interface MockAdGroup {
  adgroupId: string;
  name: string;
  campaignId?: string;
  start: number;
  end?: number;
  continuous?: boolean;
  operationStatus?: string;
  format?: 'iso' | 'space';
}

export interface AuthorizedScenario {
  start: number;
  end: number;
  name?: string;
  text?: string;
  poster?: string;
  itemStatus?: string;
  itemId?: string;
}
export type CodeScenario =
  | { authorized: AuthorizedScenario }
  | ({ authStatus: string } & AuthorizedScenario)
  | { error: [number, string] }
  | { malformed: true }
  | { httpStatus: number }
  | { drop: true };

export interface MockRequest {
  method?: string;
  path: string;
  query: Record<string, string>;
  token?: string;
  at: number;
  body?: Record<string, unknown>;
}

export interface MockTikTokApi {
  origin: string;
  baseUrl: string;
  port: number;
  requests: MockRequest[];
  setCode(code: string, scenario: CodeScenario): void;
  rateLimit(n?: number, when?: (request: MockRequest) => boolean): void;
  expireTokenAfter(n: number): void;
  denyScope(endpoint: string): void;
  setPosts(advertiserId: string, posts: MockPost[]): void;
  setAds(advertiserId: string, ads: MockAd[], adgroups?: MockAdGroup[]): void;
  capAdsPage(n: number): void;
  slowList(ms: number): void;
  setAuthorizeError(code: string, answer?: [number, string] | { flaky: true }): void;
  close(): Promise<void>;
}

export function startMockTikTokApi(options?: {
  accessToken?: string;
  advertiserId?: string;
  advertiserName?: string;
  codes?: Record<string, CodeScenario>;
  accounts?: Record<string, { name: string; posts?: MockPost[]; ads?: MockAd[]; adgroups?: MockAdGroup[] }>;
  posts?: MockPost[];
  ads?: MockAd[];
  adgroups?: MockAdGroup[];
  authorizeErrors?: Record<string, [number, string] | { flaky: true }>;
}): Promise<MockTikTokApi>;
