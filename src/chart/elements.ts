// An SVG's elements found by walking the tree rather than by CSS selectors.
// jsdom answers querySelectorAll and closest through a selector engine that
// costs several times the walk itself, and finishing asks a dozen such
// questions of every artboard: in a build of 1,000 small charts they were a
// tenth of the time. Each function gives what its selector would, in
// document order.

/** Every element under root, in document order; root itself is not among them (as with querySelectorAll). */
export function descendants(root: Element): Element[] {
  const out: Element[] = [];
  let e = root.firstElementChild;
  while (e) {
    out.push(e);
    let next = e.firstElementChild;
    // Out of a finished subtree: the next sibling of the nearest ancestor that has one, stopping at root.
    for (let up: Element | null = e; !next && up && up !== root; up = up.parentElement) next = up.nextElementSibling;
    e = next;
  }
  return out;
}

/** The element or its nearest ancestor that has the attribute, as closest("[name]") finds it; null when none has. */
export function closestWith(e: Element, name: string): Element | null {
  for (let at: Element | null = e; at; at = at.parentElement) if (at.hasAttribute(name)) return at;
  return null;
}
