// Lets a notebook run on its own (`npx tsx notebooks/<id>.ts`), like a cell
// run in a notebook: it prints its figures' check results and its tables,
// then builds its tables and charts as `build <id>` would.

import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { NotebookSpec } from "./notebook.ts";
import { formatProblem } from "../ledger/index.ts";
import { reporter } from "./progress.ts";
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
  const figures = run.ledger?.figures.length ?? 0;
  console.log(`${nb.title}\n${plural(figures, "figure")} checked: 0 problems\n${coverageSummary(run.coverage)}`);
  for (const t of run.tables) {
    console.log(`\n${t.name}: ${t.spec.title}`);
    t.table.print({ limit: 50 });
  }
  console.log("");
  // Loaded here, not at the top: a notebook imported by the build itself does not need the renderer twice.
  const { build } = await import("./build.ts");
  const built = await build(
    { root, names: [nb.id], out: "charts", formats: new Set(["svg", "png"]), preloaded: [{ file: relative(root, file), notebook: nb }] },
    reporter({ tty: false }),
  );
  process.exitCode = built.exitCode;
}
