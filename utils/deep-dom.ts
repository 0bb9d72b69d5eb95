/**
 * DOM walking that goes through OPEN shadow roots, as a person's eyes do: Ads Manager's `ks-`
 * web components keep their real <button>/<input> inside open shadow roots, where
 * querySelectorAll, closest and textContent from the page stop. Closed roots stay closed
 * (their content is not reachable, by design of the platform).
 */

/** The element's parent, or the host of the shadow root it sits at the top of. */
export function parentDeep(node: Node): Element | null {
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode();
  return isShadowRoot(root) && node.parentNode === root ? root.host : null;
}

function isShadowRoot(n: Node): n is ShadowRoot {
  return n.nodeType === 11 && 'host' in n && !!(n as ShadowRoot).host;
}

/** Every open shadow root under `root`, nested ones included (document order, outer first). */
export function openShadowRoots(root: ParentNode): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const visit = (r: ParentNode) => {
    for (const el of Array.from(r.querySelectorAll('*'))) {
      if (el.shadowRoot) {
        found.push(el.shadowRoot);
        visit(el.shadowRoot);
      }
    }
  };
  visit(root);
  return found;
}

/** querySelectorAll over `root` and every open shadow root inside it. */
export function querySelectorAllDeep<E extends Element = Element>(root: ParentNode, selector: string): E[] {
  const list = Array.from(root.querySelectorAll<E>(selector));
  for (const shadow of openShadowRoots(root)) list.push(...Array.from(shadow.querySelectorAll<E>(selector)));
  return list;
}

export function querySelectorDeep<E extends Element = Element>(root: ParentNode, selector: string): E | undefined {
  const light = root.querySelector<E>(selector);
  if (light) return light;
  for (const shadow of openShadowRoots(root)) {
    const hit = shadow.querySelector<E>(selector);
    if (hit) return hit;
  }
  return undefined;
}

/** `closest`, climbing out of shadow roots to their hosts. */
export function closestDeep<E extends Element = Element>(el: Element, selector: string): E | undefined {
  for (let node: Element | null = el; node; node = parentDeep(node)) {
    if (node.matches(selector)) return node as E;
  }
  return undefined;
}

/** True when `inner` is `outer` or inside it, shadow boundaries included. */
export function containsDeep(outer: Node, inner: Node): boolean {
  for (let node: Node | null = inner; node; node = parentDeep(node)) if (node === outer) return true;
  return false;
}

/**
 * The text a person sees in `el`: slotted content is read where it is shown (a `<slot>` in a
 * shadow button shows its host's children), and a host's shadow content replaces its children.
 */
export function renderedText(el: Node): string {
  if (el.nodeType === 3) return (el as Text).data;
  if (el.nodeType !== 1 && el.nodeType !== 11) return '';
  const element = el as Element;
  if (element.localName === 'slot') {
    const assigned = (element as HTMLSlotElement).assignedNodes({ flatten: true });
    const nodes = assigned.length ? assigned : Array.from(element.childNodes);
    return nodes.map(renderedText).join('');
  }
  if (element.localName === 'script' || element.localName === 'style' || element.localName === 'template') return '';
  const from = element.shadowRoot ?? element;
  return Array.from(from.childNodes).map(renderedText).join('');
}

/** The focused element, looking inside the open shadow roots that hold focus. */
export function deepActiveElement(doc: Document): Element | null {
  let el = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** The element an event really started on (inside open shadow roots), not the retargeted host. */
export function eventOrigin(e: Event): EventTarget | null {
  const path = typeof e.composedPath === 'function' ? e.composedPath() : [];
  return path[0] ?? e.target;
}

/** Looks an id up where the element lives (its shadow root), then in the document. */
export function elementByIdNear(near: Node, id: string): Element | null {
  const root = near.getRootNode() as Document | ShadowRoot;
  return (typeof root.getElementById === 'function' ? root.getElementById(id) : null) ?? near.ownerDocument?.getElementById(id) ?? null;
}
