// `storycharts check`: the provenance checks and each seed's coverage table.

import { formatProblem, type Problem } from "../../ledger/index.ts";
import {
  chartOwners, checkNotebook, heartbeat, coverageReport, coverageSummary, loadNotebooks, plural, tableClashes, type LoadedNotebook,
  type Reporter,
} from "../../build/index.ts";

export async function check(root: string, files: string[], report: Reporter, printTables: boolean): Promise<number> {
  const { loaded, problems } = await loadNotebooks(root, files);
  const all = problems.map(formatProblem);
  // A chart id or a table that two notebooks declare would overwrite one story's files with another's.
  const clash = (p: Problem) => all.push(formatProblem(p));
  chartOwners(loaded, clash);
  tableClashes(loaded, clash);
  let figures = 0;
  let unreviewed = 0;
  for (const { file, notebook } of loaded as LoadedNotebook[]) {
    heartbeat({ kind: "run", file });
    const run = checkNotebook(root, file, notebook);
    figures += notebook.figures.length;
    unreviewed += run.coverage.filter((r) => r.status === "unreviewed").length;
    if (printTables) {
      for (const seed of run.seeds.values()) {
        const rows = run.coverage.filter((r) => r.seed === seed.name);
        if (rows.length > 0) console.log(`\n${file} — coverage of ${seed.file}\n\n${coverageReport(rows)}\n\n${coverageSummary(rows)}\n`);
      }
    }
    all.push(...run.problems.map(formatProblem));
  }
  for (const line of all) report.problem(line);
  // A story just started passes check with numbers left to review, and says how many.
  report.summary(`check: ${plural(loaded.length, "notebook")}, ${plural(figures, "figure")}, ${plural(all.length, "problem")}${unreviewed > 0 ? `, ${plural(unreviewed, "number")} not reviewed yet` : ""}`);
  return all.length > 0 ? 1 : 0;
}
