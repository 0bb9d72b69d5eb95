import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  apiCredentialsItem,
  credentialProblems,
  credentialsReady,
  getApiCredentials,
  maskToken,
  NO_CREDENTIALS,
  removeApiCredentials,
  saveApiCredentials,
  verificationStateItem,
} from '@/utils/api-settings';

const TOKEN = 'abcdef0123456789abcdef0123456789abcd1234';

beforeEach(() => fakeBrowser.reset());

describe('API credentials', () => {
  it('are stored in storage.local only, never sync', async () => {
    await saveApiCredentials({ accessToken: `  ${TOKEN} `, advertiserId: ' 7012345678901234567 ', enabled: true });
    expect(await fakeBrowser.storage.local.get('tiktokApi')).toEqual({
      tiktokApi: { enabled: true, accessToken: TOKEN, advertiserId: '7012345678901234567' },
    });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('refuse bad input with a message per field and keep what was saved', async () => {
    await saveApiCredentials({ accessToken: TOKEN, advertiserId: '7012345678901234567', enabled: true });
    await expect(saveApiCredentials({ accessToken: 'has spaces in it', advertiserId: 'abc', enabled: true })).rejects.toThrow(/access token/);
    expect((await getApiCredentials()).accessToken).toBe(TOKEN);
    expect(credentialProblems({ accessToken: '', advertiserId: '' })).toEqual({
      accessToken: 'Enter your access token.',
      advertiserId: 'Enter your advertiser ID.',
    });
    expect(credentialProblems({ accessToken: TOKEN, advertiserId: 'aadvid=12' }).advertiserId).toMatch(/number/);
  });

  it('read anything unexpected in storage as "off"', async () => {
    await fakeBrowser.storage.local.set({ tiktokApi: { enabled: 'yes', accessToken: 42 } });
    expect(await getApiCredentials()).toEqual(NO_CREDENTIALS);
    await fakeBrowser.storage.local.set({ tiktokApi: 'garbage' });
    expect(credentialsReady(await getApiCredentials())).toBe(false);
  });

  it('are ready only when on and both fields are valid', () => {
    expect(credentialsReady({ enabled: true, accessToken: TOKEN, advertiserId: '7012345678901234567' })).toBe(true);
    expect(credentialsReady({ enabled: false, accessToken: TOKEN, advertiserId: '7012345678901234567' })).toBe(false);
    expect(credentialsReady({ enabled: true, accessToken: 'short', advertiserId: '7012345678901234567' })).toBe(false);
  });

  it('can be removed completely, with the run state', async () => {
    await saveApiCredentials({ accessToken: TOKEN, advertiserId: '7012345678901234567', enabled: true });
    await verificationStateItem.setValue({ failures: 2, lastError: { kind: 'token', message: 'x', at: 1 } });
    await removeApiCredentials();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await apiCredentialsItem.getValue()).toEqual(NO_CREDENTIALS);
  });

  it('mask the token down to its last four characters', () => {
    expect(maskToken(TOKEN)).toBe('••••••••1234');
    expect(maskToken(TOKEN)).not.toContain(TOKEN.slice(0, 8));
    expect(maskToken('')).toBe('');
  });
});
