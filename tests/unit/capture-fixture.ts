import path from 'node:path';
import { vi } from 'vitest';
import type { CaptureContext } from '@/utils/capture/controller';
import type { SendToBackground } from '@/utils/capture/messaging';
import type { MessageMeta } from '@/utils/capture/types';
import type { CaptureInput } from '@/utils/code-record';
import { contextOf } from '@/utils/capture/code-context';
import { extractAdCodes } from '@/utils/extract';
import type { FoundInText } from '@/utils/protocol';
import { resolveSentAt } from '@/utils/sent-at';
import { readFixture } from '../fixtures/gmail/build.mjs';

/** The background's findCodes, run in the test (nothing saved yet). */
export const localExtract = async (text: string): Promise<FoundInText[]> => extractAdCodes(text).map((f) => withContext(text, { ...f, saved: false }));

/** As the background's findCodes answers: with the words beside each code. */
function withContext(text: string, found: FoundInText): FoundInText {
  const context = contextOf(text, found.code);
  return context ? { ...found, context } : found;
}

/** Loads a saved page from tests/fixtures into the test document (scripts do not run). */
export function loadFixture(rel: string): Document {
  const html = readFixture(path.join(__dirname, '../fixtures'), rel);
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.documentElement.replaceWith(document.importNode(parsed.documentElement, true));
  return document;
}

/** A stand-in for WXT's ContentScriptContext that a test can invalidate. */
export function fakeContext() {
  const listeners: (() => void)[] = [];
  let valid = true;
  const ctx: CaptureContext & { invalidate(): void } = {
    get isValid() {
      return valid;
    },
    onInvalidated: (cb) => listeners.push(cb),
    setTimeout: (h, ms) => window.setTimeout(h, ms) as unknown as number,
    invalidate() {
      valid = false;
      listeners.forEach((l) => l());
    },
  };
  return ctx;
}

/** The background as the content script sees it: remembers what was saved. */
export function fakeBackground(alreadySaved: string[] = []) {
  const saved = new Set(alreadySaved);
  const captures: CaptureInput[] = [];
  const send = vi.fn(async (type: string, data: { captures?: CaptureInput[]; text?: string }) => {
    if (type === 'findCodes') return extractAdCodes(data.text!).map((f) => withContext(data.text!, { ...f, saved: saved.has(f.code) }));
    if (type !== 'saveCodes') return undefined;
    for (const c of data.captures!) {
      captures.push(c);
      saved.add(c.code);
    }
    return data.captures!.map((c) => ({ code: c.code, outcome: 'saved' as const, id: 1 }));
  }) as unknown as SendToBackground & ReturnType<typeof vi.fn>;
  return { send, saved, captures };
}

/** Shadow roots of our controls, in page order. */
export function controlRoots(doc: Document = document): ShadowRoot[] {
  return [...doc.querySelectorAll('[data-ad-code-keeper]')].map((h) => h.shadowRoot!);
}

export const buttonsIn = (root: ShadowRoot) => [...root.querySelectorAll('button')];

/** A message's meta as the background saves it: the page's date text read into `sentAt` (utils/sent-at.ts). */
export function asSaved(meta: MessageMeta): Omit<MessageMeta, 'sentAtText'> {
  const { sentAtText: _text, ...rest } = meta;
  const sentAt = resolveSentAt(meta);
  return sentAt === undefined ? { ...rest, sentAt: undefined } : { ...rest, sentAt };
}
