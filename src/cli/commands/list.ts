// `storycharts list`: every notebook, its charts, their headlines and files.

import { loadNotebooks, plural, type Reporter } from "../../build/index.ts";
import { printWords, wordsOutline, type Words } from "../../chart/index.ts";
import { formatProblem, resolveLedger, type Ledger } from "../../ledger/index.ts";

export async function list(root: string, files: string[], out: string, report: Reporter): Promise<number> {
  const { loaded, problems } = await loadNotebooks(root, files);
  let charts = 0;
  for (const { file, notebook } of loaded) {
    // Headlines as a reader sees them, figures printed from the ledger; as written (${"id"}) when it cannot be resolved.
    let ledger: Ledger | null = null;
    try {
      ledger = resolveLedger({ figures: notebook.figures, events: notebook.events ?? [], places: notebook.places ?? [] });
    } catch {
      // A ledger that does not resolve is check's to report; the listing shows the words as written.
    }
    const shown = (words: Words) => {
      try {
        return ledger ? printWords(words, ledger, "the headline").text : wordsOutline(words);
      } catch {
        return wordsOutline(words);
      }
    };
    console.log(`${notebook.id}  (${file}; seeds: ${notebook.seeds.join(", ")})`);
    for (const [id, spec] of Object.entries(notebook.charts ?? {})) {
      charts++;
      console.log(`  ${id}\n    ${shown(spec.headline)}\n    ${out}/${id}.svg  ${out}/${id}.mobile.svg  ${out}/${id}.png  ${out}/${id}.html  data/${spec.table}.csv`);
    }
  }
  for (const p of problems) report.problem(formatProblem(p));
  report.summary(`list: ${plural(charts, "chart")} in ${plural(loaded.length, "notebook")}${problems.length ? `, ${plural(problems.length, "notebook")} failed to load` : ""}`);
  return problems.length > 0 ? 1 : 0;
}
