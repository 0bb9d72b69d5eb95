import type { PickerFieldContext } from '@/utils/protocol';
import { isAdsManagerOrigin } from '@/utils/sites/ads-manager';

/**
 * The frame's only way in from the page: window messages from its direct parent, on an Ads
 * Manager origin, carrying the secret the page-side script sent first. The page can post to
 * this frame too, but without the secret (which never touches the page) it is ignored.
 */

export type PageEvent =
  | { type: 'context'; context: PickerFieldContext }
  | { type: 'focus' }
  | { type: 'refresh' }
  | { type: 'moved' };

export interface PageChannel {
  /** Resolves with the secret once the page-side script introduced itself. */
  token: Promise<string>;
  subscribe(listener: (event: PageEvent) => void): () => void;
}

const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

export function connectToPage(win: Window): PageChannel {
  let token: string | undefined;
  let resolveToken!: (t: string) => void;
  const tokenPromise = new Promise<string>((r) => (resolveToken = r));
  const listeners = new Set<(e: PageEvent) => void>();
  // The introduction can arrive before the UI has subscribed (React mounts asynchronously): keep
  // the latest field context and hand it to each new subscriber.
  let lastContext: PickerFieldContext | undefined;
  const emit = (e: PageEvent) => {
    if (e.type === 'context') lastContext = e.context;
    listeners.forEach((l) => l(e));
  };

  win.addEventListener('message', (e: MessageEvent) => {
    if (e.source !== win.parent || !isAdsManagerOrigin(e.origin)) return;
    const data = e.data as Record<string, unknown> | null;
    if (!data || typeof data !== 'object' || typeof data.token !== 'string' || !TOKEN.test(data.token)) return;
    if (token === undefined) {
      if (data.type !== 'init') return;
      token = data.token;
      resolveToken(token);
      emit({ type: 'context', context: readContext(data.context) });
      return;
    }
    if (data.token !== token) return;
    if (data.type === 'context') emit({ type: 'context', context: readContext(data.context) });
    else if (data.type === 'focus') emit({ type: 'focus' });
    else if (data.type === 'refresh') emit({ type: 'refresh' });
    else if (data.type === 'moved') emit({ type: 'moved' });
  });

  return {
    token: tokenPromise,
    subscribe(listener) {
      listeners.add(listener);
      if (lastContext) listener({ type: 'context', context: lastContext });
      return () => listeners.delete(listener);
    },
  };
}

/** Only the two facts the picker needs, shape-checked: the page wrote the field's text. */
function readContext(raw: unknown): PickerFieldContext {
  const c = (raw ?? {}) as { kind?: unknown; present?: unknown };
  return {
    kind: c.kind === 'lines' ? 'lines' : 'single',
    present: Array.isArray(c.present) ? c.present.filter((p): p is string => typeof p === 'string' && p.length < 200).slice(0, 50) : [],
  };
}
