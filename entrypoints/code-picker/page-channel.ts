import type { PickerFieldContext } from '@/utils/protocol';
import { readToPicker, type FromPicker, type PageEvent } from '@/utils/picker-channel';
import { isAdsManagerOrigin } from '@/utils/sites/ads-manager';

export type { PageEvent } from '@/utils/picker-channel';

/**
 * The frame's only way in from the page. The frame asks the background which session it belongs
 * to (the background knows the frame by its tab and frame id); until our content script has vouched
 * for this frame, the background answers with a nonce that the frame hands up to its parent window,
 * where only the content script that created this frame accepts it. The page can post to this frame
 * and read the nonce, but it never learns the secret, so whatever it posts is ignored.
 */

export interface PageChannel {
  /** Resolves with the session secret once the background confirmed this frame's session. */
  token: Promise<string>;
  subscribe(listener: (event: PageEvent) => void): () => void;
}

export type AskSession = () => Promise<{ token: string } | { nonce: string }>;

/** Messages kept while the secret is not known yet (the content script may speak first). */
const EARLY_MAX = 50;
const RETRY_MS = [50, 100, 200, 400, 800, 1500, 3000, 5000];

export function connectToPage(win: Window, askSession: AskSession): PageChannel {
  let token: string | undefined;
  let resolveToken!: (t: string) => void;
  let rejectToken!: (e: Error) => void;
  const tokenPromise = new Promise<string>((resolve, reject) => ((resolveToken = resolve), (rejectToken = reject)));
  // The UI shows the failure; nobody else awaits this promise.
  tokenPromise.catch(() => undefined);
  const listeners = new Set<(e: PageEvent) => void>();
  // The context can arrive before the UI has subscribed (React mounts asynchronously): keep
  // the latest field context and hand it to each new subscriber.
  let lastContext: PickerFieldContext | undefined;
  const early: unknown[] = [];
  const emit = (e: PageEvent | undefined) => {
    if (!e) return;
    if (e.type === 'context') lastContext = e.context;
    listeners.forEach((l) => l(e));
  };

  win.addEventListener('message', (e: MessageEvent) => {
    if (e.source !== win.parent || !isAdsManagerOrigin(e.origin)) return;
    if (token !== undefined) return emit(readToPicker(e.data, token));
    if (early.length < EARLY_MAX) early.push(e.data);
  });

  void (async () => {
    for (let attempt = 0; ; attempt++) {
      let answer: Awaited<ReturnType<AskSession>>;
      try {
        answer = await askSession();
      } catch (e) {
        return rejectToken(e instanceof Error ? e : new Error(String(e)));
      }
      if ('token' in answer) {
        token = answer.token;
        resolveToken(token);
        early.splice(0).forEach((data) => emit(readToPicker(data, answer.token)));
        return;
      }
      const hello: FromPicker = { type: 'hello', nonce: answer.nonce };
      // The parent's origin is the Ads Manager page; the nonce is useless to anyone but our content script.
      win.parent.postMessage(hello, '*');
      if (attempt >= RETRY_MS.length) {
        return rejectToken(new Error('This code list lost its connection to the Ads Manager page. Reload the page to use it again.'));
      }
      await new Promise((r) => setTimeout(r, RETRY_MS[attempt]));
    }
  })();

  return {
    token: tokenPromise,
    subscribe(listener) {
      listeners.add(listener);
      if (lastContext) listener({ type: 'context', context: lastContext });
      return () => listeners.delete(listener);
    },
  };
}
