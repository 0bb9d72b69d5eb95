// Which keys pressed in Ads Manager's code field work the code list (the field keeps focus), and which stay the page's.
import { describe, expect, it } from 'vitest';
import { fieldKeyAction, type FieldKeyState } from '@/entrypoints/ads-manager.content/field-keys';

const key = (k: string, mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'isComposing', boolean>> = {}) => ({
  key: k, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, isComposing: false, ...mods,
});
const single: FieldKeyState = { kind: 'single', atEnd: true, listShown: true, navigating: false };
const lines: FieldKeyState = { kind: 'lines', atEnd: false, listShown: true, navigating: false };

describe('fieldKeyAction', () => {
  it.each([
    ['↓ with the list closed opens it', key('ArrowDown'), { ...single, listShown: false }, { do: 'open' }],
    ['↓ with the list open moves the highlight', key('ArrowDown'), single, { do: 'send', key: 'ArrowDown' }],
    ['↑ moves it back', key('ArrowUp'), single, { do: 'send', key: 'ArrowUp' }],
    ['Enter without a highlight is the page’s (TikTok’s Search)', key('Enter'), single, undefined],
    ['Enter after arrowing or typing a match fills from the list', key('Enter'), { ...single, navigating: true }, { do: 'send', key: 'Enter' }],
    ['Enter with the list closed is the page’s', key('Enter'), { ...single, listShown: false, navigating: true }, undefined],
    ['Esc closes the list', key('Escape'), single, { do: 'close' }],
    ['Esc with the list closed is the page’s (closes TikTok’s dialog)', key('Escape'), { ...single, listShown: false }, undefined],
    ['Shift+↓ selects text', key('ArrowDown', { shiftKey: true }), single, undefined],
    ['keys during IME composition are the input method’s', key('Enter', { isComposing: true }), { ...single, navigating: true }, undefined],
    ['in a textarea ↓ mid-text moves between lines', key('ArrowDown'), lines, undefined],
    ['in a textarea ↓ at the end reaches the list', key('ArrowDown'), { ...lines, atEnd: true }, { do: 'send', key: 'ArrowDown' }],
    ['in a textarea Alt+↓ reaches the list anywhere', key('ArrowDown', { altKey: true }), lines, { do: 'send', key: 'ArrowDown' }],
    ['in a textarea ↑ moves between lines until the user arrowed into the list', key('ArrowUp'), lines, undefined],
    ['in a textarea Enter is a new line until then', key('Enter'), lines, undefined],
    ['letters are the field’s', key('a'), { ...single, navigating: true }, undefined],
  ] as const)('%s', (_what, e, state, action) => {
    expect(fieldKeyAction(e, state)).toEqual(action);
  });
});
