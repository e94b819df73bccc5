// `npm run docs`: writes docs/ from the code and the notebooks (docs.ts),
// each file through a temporary file and a rename, and removes a kind's page
// that no kind has any more.

import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { renderDocs } from "./docs.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const files = renderDocs(root);
let written = 0;
for (const [path, text] of files) {
  const full = join(root, path);
  if (existsSync(full) && readFileSync(full, "utf8") === text) continue;
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(`${full}.tmp`, text);
  renameSync(`${full}.tmp`, full);
  written++;
}
const kindsDir = join(root, "docs", "kinds");
const stale = readdirSync(kindsDir).filter((f) => !files.has(`docs/kinds/${f}`));
for (const f of stale) rmSync(join(kindsDir, f));
console.log(`docs: ${files.size} pages (${written} written, ${files.size - written} unchanged, ${stale.length} removed)`);
