// Both sides of the page ↔ picker-frame channel use utils/picker-channel.ts: what one side writes,
// the other must read, and nothing without the secret (or not from our frame) gets through.
import { describe, expect, it } from 'vitest';
import { queryFromField, readFromPicker, readToPicker, type FromPicker, type PageEvent, type ToPicker } from '@/utils/picker-channel';

const TOKEN = 'tok_AAAAAAAAAAAAAAAAAAAAAAAA';
const context = { kind: 'lines' as const, present: ['#abc'] };
/** One of every message the content script sends, with the event the frame must hear. */
const SENT: { [T in ToPicker['type']]: [Extract<ToPicker, { type: T }>, PageEvent] } = {
  context: [{ type: 'context', token: TOKEN, context }, { type: 'context', context }],
  focus: [{ type: 'focus', token: TOKEN }, { type: 'focus' }],
  refresh: [{ type: 'refresh', token: TOKEN }, { type: 'refresh' }],
  moved: [{ type: 'moved', token: TOKEN }, { type: 'moved' }],
  query: [{ type: 'query', token: TOKEN, text: 'mia' }, { type: 'query', text: 'mia' }],
  key: [{ type: 'key', token: TOKEN, key: 'ArrowDown' }, { type: 'key', key: 'ArrowDown' }],
};

describe('picker channel', () => {
  it.each(Object.values(SENT))('the frame reads %o as sent, and only with its secret', (message, event) => {
    // As delivered by postMessage: a structured clone.
    expect(readToPicker(structuredClone(message), TOKEN)).toEqual(event);
    expect(readToPicker({ ...message, token: 'tok_BBBBBBBBBBBBBBBBBBBBBBBB' }, TOKEN)).toBeUndefined();
    expect(readToPicker({ ...message, token: undefined }, TOKEN)).toBeUndefined();
  });

  it('passes on only the list keys, and a bounded query', () => {
    expect(readToPicker({ type: 'key', token: TOKEN, key: 'Tab' }, TOKEN)).toBeUndefined();
    expect(readToPicker({ type: 'query', token: TOKEN, text: 42 }, TOKEN)).toBeUndefined();
    expect(readToPicker({ type: 'query', token: TOKEN, text: 'x'.repeat(500) }, TOKEN)).toEqual({ type: 'query', text: 'x'.repeat(100) });
  });

  it.each([
    ['mia', 'single', 'mia'],
    ['  @leo ', 'single', '@leo'],
    ['#' + 'A'.repeat(40), 'single', ''],
    ['#' + 'A'.repeat(40) + '\nzoe', 'lines', 'zoe'],
    ['#' + 'A'.repeat(40) + '\n', 'lines', ''],
    ['', 'single', ''],
  ] as const)('the field text %j (%s field) filters by %j', (value, kind, query) => {
    expect(queryFromField(value, kind)).toBe(query);
  });

  it('refuses the old page-forgeable introduction and junk', () => {
    for (const junk of [{ type: 'init', token: TOKEN, context }, null, 'focus', 42, { type: 'focus' }]) expect(readToPicker(junk, TOKEN)).toBeUndefined();
  });

  it('the content script reads the frame’s hello, and nothing else', () => {
    const hello: FromPicker = { type: 'hello', nonce: 'nonce_CCCCCCCCCCCCCCCCCCCCCC' };
    expect(readFromPicker(structuredClone(hello))).toEqual(hello);
    for (const junk of [{ type: 'hello', nonce: 'short' }, { type: 'hello', nonce: 'x y'.repeat(10) }, { type: 'init', nonce: hello.nonce }, null]) {
      expect(readFromPicker(junk)).toBeUndefined();
    }
  });
});
