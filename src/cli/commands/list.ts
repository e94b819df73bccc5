// `storycharts list`: every notebook, its charts, their headlines and files.

import { loadNotebooks, plural, type Reporter } from "../../build/index.ts";
import { wordsOutline } from "../../chart/index.ts";
import { formatProblem } from "../../ledger/index.ts";

export async function list(root: string, files: string[], out: string, report: Reporter): Promise<number> {
  const { loaded, problems } = await loadNotebooks(root, files);
  let charts = 0;
  for (const { file, notebook } of loaded) {
    console.log(`${notebook.id}  (${file}; seeds: ${notebook.seeds.join(", ")})`);
    for (const [id, spec] of Object.entries(notebook.charts ?? {})) {
      charts++;
      console.log(`  ${id}\n    ${wordsOutline(spec.headline)}\n    ${out}/${id}.svg  ${out}/${id}.mobile.svg  ${out}/${id}.png  ${out}/${id}.html  data/${spec.table}.csv`);
    }
  }
  for (const p of problems) report.problem(formatProblem(p));
  report.summary(`list: ${plural(charts, "chart")} in ${plural(loaded.length, "notebook")}${problems.length ? `, ${plural(problems.length, "notebook")} failed to load` : ""}`);
  return problems.length > 0 ? 1 : 0;
}
