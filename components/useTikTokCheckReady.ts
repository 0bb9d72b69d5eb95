import { useEffect, useState } from 'react';
import { apiCredentialsItem, credentialsReady, getApiCredentials } from '@/utils/api-settings';

/**
 * Whether "Check with TikTok" should be offered: the user turned the API feature on and saved a
 * valid token and advertiser. Follows changes made in Options while the page is open.
 */
export function useTikTokCheckReady(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let alive = true;
    const load = () =>
      void getApiCredentials()
        .then((c) => alive && setReady(credentialsReady(c)))
        .catch(() => alive && setReady(false));
    load();
    const unwatch = apiCredentialsItem.watch(load);
    return () => {
      alive = false;
      unwatch();
    };
  }, []);
  return ready;
}
