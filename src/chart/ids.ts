// Renames a chart's ids to <prefix>-<n> and rewrites the references to them,
// and only those: url(#…) in CSS-valued attributes and <style> text, href="#…",
// and the aria attributes that hold id lists. A colour such as #fed is never an id.

import { descendants } from "./elements.ts";

/** Attributes whose value is CSS, where url(#id) points at an element. */
const CSS_ATTRIBUTES = new Set([
  "style", "fill", "stroke", "clip-path", "mask", "filter", "marker", "marker-start", "marker-mid", "marker-end", "cursor",
]);

/** Aria attributes whose value is a space-separated list of ids (aria-activedescendant holds one). */
const ID_LISTS = new Set([
  "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "aria-flowto", "aria-activedescendant", "aria-details", "aria-errormessage",
]);

// Comments and strings are matched first so that "url(#a)" inside them is left alone; a url() is
// quoted or bare, with CSS escapes in either.
const ESCAPE = String.raw`\\(?:[0-9a-fA-F]{1,6}[\t\n\f ]?|[\s\S])`;
const CSS_TOKENS = new RegExp(
  String.raw`(?<![\w-])url\(\s*(?:"((?:[^"\\\n]|${ESCAPE})*)"|'((?:[^'\\\n]|${ESCAPE})*)'|((?:[^\s"'()\\]|${ESCAPE})*))\s*\)` +
    String.raw`|\/\*[\s\S]*?(?:\*\/|$)|"(?:[^"\\\n]|${ESCAPE})*"|'(?:[^'\\\n]|${ESCAPE})*'`,
  "gi",
);

/**
 * Renames every id in the subtree (the root included) to <prefix>-<n> in
 * document order, and every reference to it. Plot numbers its clip paths and
 * patterns with counters for the whole process; renaming makes the file the
 * same whatever was drawn before it, and lets many charts share one page.
 * The ids finishing names itself, <prefix>-title and <prefix>-desc, keep their
 * names whatever the prefix is; running it twice changes nothing.
 */
export function prefixIds(root: Element, prefix: string): void {
  const keep = new Set([`${prefix}-title`, `${prefix}-desc`]);
  const elements = [root, ...descendants(root)];
  const renames = new Map<string, string>();
  let n = 0;
  for (const e of elements) {
    const id = e.getAttribute("id");
    if (id === null || id === "" || keep.has(id)) continue;
    const fresh = `${prefix}-${++n}`;
    // A repeated id resolves to its first element, as a browser resolves it.
    if (!renames.has(id)) renames.set(id, fresh);
    e.setAttribute("id", fresh);
  }
  if (renames.size === 0) return;
  const renamed = (id: string): string | undefined => renames.get(id) ?? renames.get(percentDecoded(id));

  for (const e of elements) {
    for (const attr of [...e.attributes]) {
      const name = attr.name.toLowerCase();
      let value: string | undefined;
      if (attr.localName === "href") {
        const m = /^\s*#([\s\S]*?)\s*$/.exec(attr.value);
        const fresh = m ? renamed(m[1]!) : undefined;
        if (fresh !== undefined) value = `#${fresh}`;
      } else if (ID_LISTS.has(name)) {
        value = attr.value.split(/([\t\n\f\r ]+)/).map((token, i) => (i % 2 === 0 && token !== "" ? renames.get(token) ?? token : token)).join("");
      } else if (CSS_ATTRIBUTES.has(name)) {
        value = rewriteCss(attr.value, renamed);
      }
      if (value !== undefined && value !== attr.value) attr.value = value;
    }
    if (e.localName === "style" && e.textContent !== null) {
      const css = rewriteCss(e.textContent, renamed);
      if (css !== e.textContent) e.textContent = css;
    }
  }
}

/** The CSS text with every url(#old) that names a renamed id pointing at its new name. */
function rewriteCss(css: string, renamed: (id: string) => string | undefined): string {
  if (!/url\(/i.test(css)) return css;
  return css.replace(CSS_TOKENS, (match, double?: string, single?: string, bare?: string) => {
    const raw = double ?? single ?? bare;
    if (raw === undefined) return match;
    const url = cssUnescaped(raw);
    if (!url.startsWith("#")) return match;
    const fresh = renamed(url.slice(1));
    if (fresh === undefined) return match;
    const quote = double !== undefined ? '"' : single !== undefined ? "'" : /^[\w.:-]*$/.test(fresh) ? "" : '"';
    return `url(${quote}#${quote === "" ? fresh : cssString(fresh, quote)}${quote})`;
  });
}

/** CSS escapes resolved (CSS Syntax §4.3.7), a line continuation dropped. */
function cssUnescaped(s: string): string {
  return s.replace(/\\(?:([0-9a-fA-F]{1,6})[\t\n\f ]?|(\r\n|[\n\r\f])|([\s\S]))/g, (_, hex?: string, newline?: string, char?: string) => {
    if (hex !== undefined) {
      const code = parseInt(hex, 16);
      return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? "\uFFFD" : String.fromCodePoint(code);
    }
    return newline !== undefined ? "" : char!;
  });
}

function cssString(s: string, quote: string): string {
  return s.replace(/[\\\n\r\f"']/g, (c) => (c === "\\" || c === quote ? `\\${c}` : c === '"' || c === "'" ? c : `\\${c.charCodeAt(0).toString(16)} `));
}

function percentDecoded(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
