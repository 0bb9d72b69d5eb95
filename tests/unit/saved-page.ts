import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Saved Ads Manager pages (tests/fixtures/ads-manager/saved), parsed in jsdom with their open shadow roots re-attached. */
export const SAVED = path.resolve(__dirname, '../fixtures/ads-manager/saved');

export function loadSavedPage(name: string): Document {
  const doc = new DOMParser().parseFromString(readFileSync(path.join(SAVED, name), 'utf8'), 'text/html');
  attachDeclarativeShadowRoots(doc);
  return doc;
}

/** DOMParser leaves <template shadowrootmode> inert; attach each as the open shadow root it was, innermost first. */
function attachDeclarativeShadowRoots(root: ParentNode) {
  for (const template of Array.from(root.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode]')).reverse()) {
    const host = template.parentElement;
    if (!host || host.shadowRoot) continue;
    attachDeclarativeShadowRoots(template.content);
    const shadow = host.attachShadow({ mode: template.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open' });
    shadow.append(template.content);
    template.remove();
  }
}

/** jsdom lays nothing out, so "shown" here means: not inside display:none or [hidden], shadow hosts included. */
export function visibleInJsdom(el: Element): boolean {
  for (let n: Node | null = el; n; n = (n as Element).parentElement ?? (n.getRootNode() as ShadowRoot).host ?? null) {
    if (n.nodeType !== 1) continue;
    const e = n as Element;
    if (e.hasAttribute('hidden') || /display:\s*none/.test(e.getAttribute('style') ?? '')) return false;
    if (n === n.getRootNode()) break;
  }
  return true;
}
