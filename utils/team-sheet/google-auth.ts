import { browser } from 'wxt/browser';
import { SHEETS_SCOPE } from './sheets-api';
import type { TeamProblem } from './settings';

/**
 * Sign-in with Google for the team sheet: the OAuth implicit flow through chrome.identity.launchWebAuthFlow
 * (works in Chrome and Edge, with or without a Chrome profile signed in). The client ID comes from the
 * build: WXT_GOOGLE_CLIENT_ID (a "Web application" OAuth client whose redirect URI is
 * https://<extension id>.chromiumapp.org/; see the README). Without one, only a pasted token works.
 */

/** Read when asked, not at load, so a test can set the build's value (the build replaces it with a constant). */
export const googleClientId = (): string => import.meta.env.WXT_GOOGLE_CLIENT_ID ?? '';

/** A sign-in that did not give a token, with the reason Options words in the user's language. */
export class SignInError extends Error {
  constructor(
    readonly problem: Extract<TeamProblem, 'signin-cancelled' | 'no-client-id' | 'no-identity' | 'auth'>,
    message: string,
  ) {
    super(message);
  }
}

export function authUrl(clientId: string, redirectUri: string): string {
  const q = new URLSearchParams({
    client_id: clientId,
    response_type: 'token',
    redirect_uri: redirectUri,
    scope: SHEETS_SCOPE,
    include_granted_scopes: 'true',
  });
  return `https://accounts.google.com/o/oauth2/v2/auth?${q}`;
}

/** The token in the redirect Google sends back (#access_token=…&expires_in=3599), or why there is none. */
export function tokenFromRedirect(url: string, now: number): { token: string; expiresAt: number } {
  const hash = new URLSearchParams(new URL(url).hash.slice(1));
  const token = hash.get('access_token');
  if (!token) {
    const error = hash.get('error');
    if (error === 'access_denied')
      throw new SignInError('signin-cancelled', 'Google sign-in was cancelled: access to your sheets was not allowed.');
    throw new SignInError('auth', `Google did not sign you in (${error ?? 'no token in the answer'}).`);
  }
  return { token, expiresAt: now + Number(hash.get('expires_in') ?? 3600) * 1000 };
}

type Identity = Pick<typeof browser.identity, 'launchWebAuthFlow' | 'getRedirectURL'>;

export interface SignInDeps {
  identity?: Identity;
  clientId?: string;
  now?: () => number;
}

export async function googleSignIn(interactive: boolean, deps: SignInDeps = {}): Promise<{ token: string; expiresAt: number }> {
  const clientId = deps.clientId ?? googleClientId();
  const identity = deps.identity ?? browser.identity;
  if (!clientId)
    throw new SignInError(
      'no-client-id',
      'This build has no Google sign-in: whoever builds the extension sets WXT_GOOGLE_CLIENT_ID to an OAuth client ID (see the README). Meanwhile, paste an access token under Advanced.',
    );
  if (!identity?.launchWebAuthFlow)
    throw new SignInError('no-identity', 'Sign-in needs the "identity" permission; allow it when Options asks.');
  let redirect: string | undefined;
  try {
    redirect = await identity.launchWebAuthFlow({ url: authUrl(clientId, identity.getRedirectURL()), interactive });
  } catch (e) {
    // Chrome rejects with "The user did not approve access." when the window is closed, and with
    // "User interaction required." when a silent renewal needs the consent screen.
    throw new SignInError('signin-cancelled', `Google sign-in was closed before it finished (${(e as Error).message}).`);
  }
  if (!redirect) throw new SignInError('signin-cancelled', 'Google sign-in was closed before it finished.');
  return tokenFromRedirect(redirect, (deps.now ?? Date.now)());
}
