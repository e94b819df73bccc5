// Text from an article or a command line, written into generated TypeScript:
// only ever as a string literal, with every character that could end it, end a
// line, or hide from a person reading the notebook written as an escape.

// Controls, line and paragraph separators (line ends to JavaScript, even inside
// a `//` comment), and format characters (bidi overrides, zero-width joiners).
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cs}]/gu;

/** A double-quoted string literal that reads back as exactly `text`. */
export function stringLiteral(text: string): string {
  return JSON.stringify(text).replace(UNSAFE, (c) => {
    const code = c.codePointAt(0)!;
    return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/**
 * Text for the literal part of a template (t`… ${"id"} …`) that reads back as
 * exactly `text`: a backquote, a backslash and "${" escaped, and the same
 * unsafe characters as a string literal.
 */
export function templateText(text: string): string {
  return text.replace(/[\\`]|\$\{/g, (m) => `\\${m}`).replace(UNSAFE, (c) => {
    const code = c.codePointAt(0)!;
    return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}
