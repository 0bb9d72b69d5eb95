import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { containsDeep, querySelectorAllDeep, renderedText } from '@/utils/deep-dom';
import { buttonAction, dialogTitle, fieldProblem, findCodeFields } from '@/utils/sites/ads-manager';
import { SAVED_PAGES } from '@/utils/sites/ads-manager/fixtures';
import { SELECTORS, type SelectorName } from '@/utils/sites/ads-manager/selectors';
import { loadSavedPage, SAVED, visibleInJsdom } from './saved-page';

describe('Ads Manager site: every saved page kind, as fixtures.ts states it', () => {
  it('lists every saved page, and only saved pages', () => {
    expect(SAVED_PAGES.map((p) => p.page).sort()).toEqual(
      readdirSync(SAVED)
        .filter((f) => f.endsWith('.html'))
        .sort(),
    );
  });

  it.each(SAVED_PAGES.map((p) => [p.page, p] as const))('%s: matches per selector, code fields, buttons, TikTok verdict', (_name, kind) => {
    const doc = loadSavedPage(kind.page);
    const counts = Object.fromEntries(
      (Object.keys(SELECTORS) as SelectorName[]).map((name) => [name, SELECTORS[name].map((s) => querySelectorAllDeep(doc, s).length)]),
    );
    expect(counts).toEqual(kind.selectors);

    const fields = findCodeFields(doc, visibleInJsdom);
    expect(fields.map((f) => ({ kind: f.kind, dialog: f.dialog && dialogTitle(f.dialog) }))).toEqual(kind.codeFields);

    const buttons = { commit: 0, advance: 0, cancel: 0 };
    for (const b of querySelectorAllDeep(doc, 'button, [role="button"]')) {
      const action = buttonAction(b)?.action;
      if (action) buttons[action]++;
    }
    expect(buttons).toEqual(kind.buttons);
    expect(fields[0] && fieldProblem(fields[0].field, visibleInJsdom)?.problem).toBe(kind.problem);
  });
});

describe('reading through open shadow roots (vue-classic-shadow.html)', () => {
  const doc = loadSavedPage('vue-classic-shadow.html');

  it('the code field is the <input> inside the ks-input host, labelled by the form item outside it', () => {
    const [hit] = findCodeFields(doc, visibleInJsdom);
    const host = doc.querySelector('ks-input-1-1-14')!;
    expect(hit.field.getRootNode()).toBe(host.shadowRoot);
    expect(doc.querySelectorAll('input')).toHaveLength(0); // the light DOM alone has no field at all
    expect(hit.reason).toContain('TikTok post code');
    expect(containsDeep(hit.dialog!, hit.field)).toBe(true);
  });

  it("a click on the shadow <button> reads the host's slotted label: Confirm commits, Cancel does not", () => {
    const inner = (label: string) =>
      Array.from(doc.querySelectorAll('ks-button-1-1-14'))
        .find((h) => h.textContent === label)!
        .shadowRoot!.querySelector('button')!;
    // A composedPath as Chromium gives it: the inner button first, then up through the host.
    const path = (el: Element) => {
      const list: EventTarget[] = [];
      for (let n: Element | undefined = el; n; n = parentOf(n)) list.push(n);
      return list;
    };
    expect(renderedText(inner('Confirm')).trim()).toBe('Confirm');
    expect(buttonAction(path(inner('Confirm')))?.action).toBe('commit');
    expect(buttonAction(path(inner('Cancel')))?.action).toBe('cancel');
    expect(buttonAction(path(inner('Search')))).toBeUndefined();
  });
});

function parentOf(n: Element): Element | undefined {
  return n.parentElement ?? ((n.getRootNode() as ShadowRoot).host as Element | undefined) ?? undefined;
}

describe('Smart+ after Continue (vue-smart-confirm.html)', () => {
  it('"Add TikTok posts" commits by its text and by its test id, whatever the language', () => {
    const doc = loadSavedPage('vue-smart-confirm.html');
    const host = doc.querySelector('[data-testid="native-batch-authorize-confirm"]')!;
    const button = host.shadowRoot!.querySelector('button')!;
    expect(buttonAction([button, host.shadowRoot!, host] as EventTarget[])?.action).toBe('commit');
    host.textContent = 'Añadir 2 publicaciones'; // a wording we do not know: the test id still says what it is
    expect(buttonAction([button, host.shadowRoot!, host] as EventTarget[])?.action).toBe('commit');
  });
});
