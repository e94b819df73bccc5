// Notebooks reach the library through src/index.ts alone, so that the stages
// behind it can move without breaking a story: an import of anything else
// under src/ is a problem, named with its line and the entry to use instead.

import { readFileSync } from "node:fs";
import { dirname, join, posix, relative } from "node:path";
import type { Problem } from "../ledger/index.ts";

// Static imports, re-exports and import("…") with a literal: what a notebook uses to reach code.
export const IMPORT = /\b(?:from|import)\s*\(?\s*(["'])([^"'\n]+)\1/g;

/** Problems for each import of a library internal, in the notebook and in the helper files it imports from notebooks/. */
export function notebookImportProblems(root: string, file: string): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    let text: string;
    try {
      text = readFileSync(join(root, path), "utf8");
    } catch {
      return; // a missing helper is reported when the notebook loads
    }
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[2]!;
      if (!spec.startsWith(".")) continue;
      const target = posix.normalize(posix.join(posix.dirname(path), spec));
      const line = text.slice(0, m.index).split("\n").length;
      if (target.startsWith("src/") && target !== "src/index.ts") {
        const entry = relative(dirname(join(root, path)), join(root, "src", "index.ts")).split("\\").join("/");
        problems.push({
          file: path, place: `line ${line}`,
          message: `imports ${target}, a part of the library that may move`,
          fix: `Import it from "${entry.startsWith(".") ? entry : `./${entry}`}", the library's one public entry`,
        });
      } else if (target.startsWith("notebooks/") && /\.(ts|mts|js|mjs)$/.test(target)) {
        visit(target);
      }
    }
  };
  visit(file.split("\\").join("/"));
  return problems;
}
