// Characters in a chart's words that change what a reader sees without being
// seen themselves: bidi controls that reorder "005" into "500", zero-width
// characters inside "5​00", controls, separators, private-use characters, and
// combining marks drawn over a digit. The words check reads numbers as a
// reader sees them, so words holding any of these are refused.

const NAMES: Record<number, string> = {
  0x00ad: "SOFT HYPHEN", 0x061c: "ARABIC LETTER MARK", 0x180e: "MONGOLIAN VOWEL SEPARATOR",
  0x200b: "ZERO WIDTH SPACE", 0x200c: "ZERO WIDTH NON-JOINER", 0x200d: "ZERO WIDTH JOINER",
  0x200e: "LEFT-TO-RIGHT MARK", 0x200f: "RIGHT-TO-LEFT MARK", 0x2028: "LINE SEPARATOR", 0x2029: "PARAGRAPH SEPARATOR",
  0x202a: "LEFT-TO-RIGHT EMBEDDING", 0x202b: "RIGHT-TO-LEFT EMBEDDING", 0x202c: "POP DIRECTIONAL FORMATTING",
  0x202d: "LEFT-TO-RIGHT OVERRIDE", 0x202e: "RIGHT-TO-LEFT OVERRIDE", 0x2060: "WORD JOINER",
  0x2066: "LEFT-TO-RIGHT ISOLATE", 0x2067: "RIGHT-TO-LEFT ISOLATE", 0x2068: "FIRST STRONG ISOLATE",
  0x2069: "POP DIRECTIONAL ISOLATE", 0xfeff: "ZERO WIDTH NO-BREAK SPACE",
};

const HIDDEN = /[\p{Cf}\p{Zl}\p{Zp}\p{Co}]|[^\P{Cc}\t\n\r]/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const DIGIT = /\p{Nd}/u;
const MARK = /\p{M}/u;
// A variation selector and the keycap mark leave a digit reading as itself ("5️⃣").
const KEYCAP = new Set([0xfe0e, 0xfe0f, 0x20e3]);

export interface Hidden {
  /** Where in the words, counting characters as a person does (code points), from 1. */
  position: number;
  code: string;
  name: string;
}

/** Each hidden character in the words, with where it stands and its name. */
export function hiddenCharacters(words: string): Hidden[] {
  const chars = [...words];
  const found: Hidden[] = [];
  chars.forEach((c, i) => {
    const code = c.codePointAt(0)!;
    const before = chars[i - 1] ?? "";
    const after = chars[i + 1] ?? "";
    let hidden = HIDDEN.test(c);
    // Emoji sequences are drawn as one picture: a joiner between pictographs, tags after a flag.
    if (code === 0x200d && PICTOGRAPH.test(before.replace(/\ufe0f/, "") || "") && PICTOGRAPH.test(after)) hidden = false;
    if (code === 0x200d && before === "\ufe0f" && PICTOGRAPH.test(chars[i - 2] ?? "") && PICTOGRAPH.test(after)) hidden = false;
    if (code >= 0xe0020 && code <= 0xe007f && chars.slice(0, i).reverse().find((x) => !(x.codePointAt(0)! >= 0xe0020 && x.codePointAt(0)! <= 0xe007f)) === "\u{1f3f4}") hidden = false;
    const overDigit = MARK.test(c) && !KEYCAP.has(code) && DIGIT.test(baseOf(chars, i));
    if (hidden || overDigit) {
      const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
      const name = overDigit ? "a combining mark drawn over a digit" : NAMES[code] ?? (/\p{Co}/u.test(c) ? "a private-use character" : /\p{Cc}/u.test(c) ? "a control character" : "an invisible formatting character");
      found.push({ position: i + 1, code: hex, name });
    }
  });
  return found;
}

/** The character a run of combining marks sits on. */
function baseOf(chars: string[], i: number): string {
  let j = i - 1;
  while (j >= 0 && MARK.test(chars[j]!)) j--;
  return chars[j] ?? "";
}

/** Each hidden character in a chart's named words, as "the headline holds U+202E (RIGHT-TO-LEFT OVERRIDE) at character 3". */
export function hiddenInWords(named: [where: string, words: string][]): string[] {
  return named.flatMap(([where, w]) => hiddenCharacters(w).map((h) => `the ${where} holds ${h.code} (${h.name}) at character ${h.position}`));
}
