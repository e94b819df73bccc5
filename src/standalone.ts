// Lets a notebook run on its own (`npx tsx notebooks/<id>.ts`): it checks its
// figures, prints its tables and writes them, like one notebook of a build.

import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { NotebookSpec } from "./notebook.ts";
import { formatProblem } from "./problems.ts";
import { writeTables } from "./publish-data.ts";
import { coverageSummary, plural } from "./report.ts";
import { runNotebook } from "./run.ts";

export async function runIfMain(moduleUrl: string, nb: NotebookSpec): Promise<void> {
  const file = fileURLToPath(moduleUrl);
  if (process.argv[1] === undefined || resolve(process.argv[1]) !== file) return;
  const root = resolve(dirname(file), "..");
  const run = runNotebook(root, relative(root, file), nb);
  if (run.problems.length > 0) {
    for (const p of run.problems) console.error(formatProblem(p));
    console.error(`${nb.id}: ${plural(run.problems.length, "problem")}; nothing written`);
    process.exitCode = 1;
    return;
  }
  console.log(`${nb.title}\n${coverageSummary(run.coverage)}`);
  for (const t of run.tables) {
    console.log(`\n${t.name}: ${t.spec.title}`);
    t.table.print({ limit: 50 });
  }
  const written = writeTables(root, run);
  console.log(`\n${nb.id}: ${plural(written.length, "table")} (${written.filter((w) => w.outcome === "written").length} written, ${written.filter((w) => w.outcome === "unchanged").length} unchanged), 0 problems`);
}
