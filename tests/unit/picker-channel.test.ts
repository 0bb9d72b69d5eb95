// Both sides of the page ↔ picker-frame channel use utils/picker-channel.ts: what one side writes,
// the other must read, and nothing without the secret (or not from our frame) gets through.
import { describe, expect, it } from 'vitest';
import { readFromPicker, readToPicker, type FromPicker, type PageEvent, type ToPicker } from '@/utils/picker-channel';

const TOKEN = 'tok_AAAAAAAAAAAAAAAAAAAAAAAA';
const context = { kind: 'lines' as const, present: ['#abc'] };
/** One of every message the content script sends, with the event the frame must hear. */
const SENT: { [T in ToPicker['type']]: [Extract<ToPicker, { type: T }>, PageEvent] } = {
  context: [{ type: 'context', token: TOKEN, context }, { type: 'context', context }],
  focus: [{ type: 'focus', token: TOKEN }, { type: 'focus' }],
  refresh: [{ type: 'refresh', token: TOKEN }, { type: 'refresh' }],
  moved: [{ type: 'moved', token: TOKEN }, { type: 'moved' }],
};

describe('picker channel', () => {
  it.each(Object.values(SENT))('the frame reads %o as sent, and only with its secret', (message, event) => {
    // As delivered by postMessage: a structured clone.
    expect(readToPicker(structuredClone(message), TOKEN)).toEqual(event);
    expect(readToPicker({ ...message, token: 'tok_BBBBBBBBBBBBBBBBBBBBBBBB' }, TOKEN)).toBeUndefined();
    expect(readToPicker({ ...message, token: undefined }, TOKEN)).toBeUndefined();
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
