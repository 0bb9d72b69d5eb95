import { browser } from 'wxt/browser';
import { SHEETS_SCOPE } from './sheets-api';

/**
 * Sign-in with Google for the team sheet: the OAuth implicit flow through chrome.identity.launchWebAuthFlow
 * (works in Chrome and Edge, with or without a Chrome profile signed in). The client ID comes from the
 * build: WXT_GOOGLE_CLIENT_ID (a "Web application" OAuth client whose redirect URI is
 * https://<extension id>.chromiumapp.org/; see the README). Without one, only a pasted token works.
 */

export const GOOGLE_CLIENT_ID: string = import.meta.env.WXT_GOOGLE_CLIENT_ID ?? '';

export function authUrl(clientId: string, redirectUri: string): string {
  const q = new URLSearchParams({ client_id: clientId, response_type: 'token', redirect_uri: redirectUri, scope: SHEETS_SCOPE, include_granted_scopes: 'true' });
  return `https://accounts.google.com/o/oauth2/v2/auth?${q}`;
}

/** The token in the redirect Google sends back (#access_token=…&expires_in=3599), or why there is none. */
export function tokenFromRedirect(url: string, now: number): { token: string; expiresAt: number } {
  const hash = new URLSearchParams(new URL(url).hash.slice(1));
  const token = hash.get('access_token');
  if (!token) throw new Error(`Google did not sign you in (${hash.get('error') ?? 'no token in the answer'}).`);
  return { token, expiresAt: now + Number(hash.get('expires_in') ?? 3600) * 1000 };
}

export async function googleSignIn(interactive: boolean): Promise<{ token: string; expiresAt: number }> {
  if (!GOOGLE_CLIENT_ID) throw new Error('This build has no Google sign-in (WXT_GOOGLE_CLIENT_ID was not set when it was built). Paste an access token instead.');
  if (!browser.identity?.launchWebAuthFlow) throw new Error('Sign-in needs the "identity" permission; allow it when Options asks.');
  const redirect = await browser.identity.launchWebAuthFlow({ url: authUrl(GOOGLE_CLIENT_ID, browser.identity.getRedirectURL()), interactive });
  if (!redirect) throw new Error('Google sign-in was closed before it finished.');
  return tokenFromRedirect(redirect, Date.now());
}
