/**
 * Hosts the helper runs on. Match patterns allow a wildcard only at the start of the host, so
 * regional hosts such as ads.us.tiktok.com are listed one by one; `*.ads.tiktok.com` covers
 * hosts nested under the main one. tiktok.com itself (the consumer site) is deliberately absent.
 */
export const ADS_MANAGER_MATCHES = ['https://ads.tiktok.com/*', 'https://*.ads.tiktok.com/*', 'https://ads.us.tiktok.com/*'];

/** The advertiser account the page shows: `aadvid` in the query (also seen in the hash route). */
export function advertiserIdFromUrl(url: string): string | undefined {
  try {
    const u = new URL(url);
    const fromQuery = u.searchParams.get('aadvid');
    const fromHash = new URLSearchParams(u.hash.split('?')[1] ?? '').get('aadvid');
    const id = fromQuery ?? fromHash;
    return id && /^\d{1,32}$/.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

/** True for an origin the helper runs on (the only parents the code picker frame talks to). */
export function isAdsManagerOrigin(origin: string): boolean {
  return ADS_MANAGER_MATCHES.some((pattern) => {
    const host = pattern.replace(/^https:\/\//, '').replace(/\/\*$/, '');
    const re = new RegExp(`^https://${host.replace(/\./g, '\\.').replace(/^\*\\\./, '([a-z0-9-]+\\.)+')}$`, 'i');
    return re.test(origin);
  });
}
