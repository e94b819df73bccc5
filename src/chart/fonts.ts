// The typeface the project ships (Source Sans 3, SIL Open Font License, from
// the source-sans package): the lead of every chart's font stack, the metrics
// that wrap its text, and the only font the PNG renderer may use, so that
// output is the same on every machine.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import opentype, { type Font } from "opentype.js";

export const FONT_FAMILY = "Source Sans 3";
export type Weight = "regular" | "semibold" | "bold";

const FILES: Record<Weight, string> = {
  regular: "SourceSans3-Regular.ttf",
  semibold: "SourceSans3-Semibold.ttf",
  bold: "SourceSans3-Bold.ttf",
};

const packageDir = dirname(createRequire(import.meta.url).resolve("source-sans/package.json"));

export function fontFile(weight: Weight): string {
  return join(packageDir, "TTF", FILES[weight]);
}

export function fontFiles(): string[] {
  return (Object.keys(FILES) as Weight[]).map(fontFile);
}

const loaded = new Map<Weight, Font>();

export function font(weight: Weight): Font {
  let f = loaded.get(weight);
  if (!f) {
    const bytes = readFileSync(fontFile(weight));
    // lowMemory reads a glyph when it is first measured instead of all of them up front: the same metrics, a third of the time.
    f = opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, { lowMemory: true });
    loaded.set(weight, f);
  }
  return f;
}
