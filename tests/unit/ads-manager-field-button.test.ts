// The key button beside Ads Manager's code field: drawn before the background answers, so in English,
// then named in the user's language once the registration answer brings the words.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PickerPageWords } from '@/utils/protocol';

vi.mock('@/utils/protocol', () => ({ sendMessage: vi.fn() }));

const { sendMessage } = await import('@/utils/protocol');
const { FieldButton } = await import('@/entrypoints/ads-manager.content/field-button');
const { pageRegistration } = await import('@/entrypoints/ads-manager.content/registration');

const ctx = { isValid: true } as unknown as ContentScriptContext;
const GERMAN = {
  frameTitle: 'Ad Code Keeper: gespeicherte Anzeigencodes',
  buttonLabel: 'Gespeicherte Anzeigencodes zeigen (Ad Code Keeper)',
  buttonTitle: 'Gespeicherte Anzeigencodes',
};

function shownButton(): HTMLButtonElement {
  const host = document.querySelector('ad-code-keeper-button');
  return host!.shadowRoot!.querySelector('button')!;
}

afterEach(() => {
  document.querySelectorAll('ad-code-keeper-button').forEach((el) => el.remove());
  vi.mocked(sendMessage).mockReset();
});

describe('the field button speaks the user language once the background answered', () => {
  it('English before the answer, German after it', async () => {
    vi.mocked(sendMessage).mockResolvedValueOnce(GERMAN);
    const registration = pageRegistration(ctx, 'token');
    const button = new FieldButton(() => undefined, registration.words);
    expect(shownButton().getAttribute('aria-label')).toBe('Show saved ad codes (Ad Code Keeper)');
    expect(shownButton().title).toBe('Saved ad codes');

    expect(await registration.register()).toBe(true);
    button.relabel(registration.words);
    expect(shownButton().getAttribute('aria-label')).toBe('Gespeicherte Anzeigencodes zeigen (Ad Code Keeper)');
    expect(shownButton().title).toBe('Gespeicherte Anzeigencodes');
    expect(registration.words.frameTitle).toBe(GERMAN.frameTitle);
  });

  it('a button drawn after an answer is German from the start', async () => {
    vi.mocked(sendMessage).mockResolvedValueOnce(GERMAN);
    const registration = pageRegistration(ctx, 'token');
    await registration.register();
    new FieldButton(() => undefined, registration.words);
    expect(shownButton().getAttribute('aria-label')).toBe(GERMAN.buttonLabel);
  });

  it('an older background without words, or none at all, leaves the English name', async () => {
    // A background from before the button's words: its answer has the frame title only.
    vi.mocked(sendMessage).mockResolvedValueOnce({ frameTitle: 'Ad Code Keeper: saved ad codes' } as PickerPageWords);
    const registration = pageRegistration(ctx, 'token');
    const button = new FieldButton(() => undefined, registration.words);
    await registration.register();
    button.relabel(registration.words);
    expect(shownButton().getAttribute('aria-label')).toBe('Show saved ad codes (Ad Code Keeper)');

    vi.mocked(sendMessage).mockRejectedValueOnce(new Error('Extension context invalidated.'));
    expect(await registration.register()).toBe(false);
    expect(shownButton().title).toBe('Saved ad codes');
  });
});
