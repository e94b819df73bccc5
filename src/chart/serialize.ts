// A finished chart as XML text: the bytes jsdom's XMLSerializer writes, for
// the drawings finishing makes (elements in the SVG namespace without a
// prefix, attributes without a namespace, text), written directly. The
// serializer keeps namespace maps and prefix tables for every element and
// reaches each node through jsdom's wrappers twice over; in a build of 1,000
// small charts that was a tenth of the time. Anything else in the tree (a
// comment, a namespaced attribute, an element of another namespace) returns
// null, and the caller uses XMLSerializer, which knows every case.

const SVG_NS = "http://www.w3.org/2000/svg";
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** The SVG's markup as XMLSerializer.serializeToString writes it, or null when the tree holds what only it handles. */
export function svgMarkup(root: Element): string | null {
  const parts: string[] = [];
  return element(root, true, parts) ? parts.join("") : null;
}

function element(e: Element, root: boolean, parts: string[]): boolean {
  if (e.namespaceURI !== SVG_NS || e.prefix !== null) return false;
  const name = e.localName;
  // The root declares the namespace it is in; its descendants inherit it and declare nothing.
  let open = root ? `<${name} xmlns="${SVG_NS}"` : `<${name}`;
  for (const attribute of e.getAttributeNames()) {
    // A prefixed or namespace-declaring name is one the serializer may write otherwise.
    if (attribute === "xmlns" || attribute.includes(":")) return false;
    open += ` ${attribute}="${attributeValue(e.getAttribute(attribute)!)}"`;
  }
  let child = e.firstChild;
  if (child === null) {
    parts.push(`${open}/>`);
    return true;
  }
  parts.push(`${open}>`);
  for (; child !== null; child = child.nextSibling) {
    if (child.nodeType === ELEMENT_NODE) {
      if (!element(child as Element, false, parts)) return false;
    } else if (child.nodeType === TEXT_NODE) {
      parts.push(textValue((child as Text).data));
    } else return false;
  }
  parts.push(`</${name}>`);
  return true;
}

const ATTRIBUTE_ESCAPES: Record<string, string> = { "&": "&amp;", '"': "&quot;", "<": "&lt;", ">": "&gt;", "\t": "&#x9;", "\n": "&#xA;", "\r": "&#xD;" };
const TEXT_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

function attributeValue(value: string): string {
  return /[&"<>\t\n\r]/.test(value) ? value.replace(/[&"<>\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c]!) : value;
}

function textValue(value: string): string {
  return /[&<>]/.test(value) ? value.replace(/[&<>]/g, (c) => TEXT_ESCAPES[c]!) : value;
}
