// data/README.md, written from the tables' own column descriptions, so the
// documentation of the published data can never drift from the data.

import type { BuiltTable } from "./spec.ts";

/** A notebook's built tables, with what the README says of the notebook. */
export interface DocumentedTables {
  /** The notebook's path relative to the project root. */
  file: string;
  notebook: { title: string; seeds: string[] };
  tables: BuiltTable[];
}

export function dataReadme(runs: DocumentedTables[]): string {
  const lines = [
    "# data/",
    "",
    "Tidy tables, one row per observation, written by `npm run charts` from the notebooks in `notebooks/`.",
    "Do not edit them by hand: change the notebook and rebuild. Every number traces to the figure ledger",
    "(`<notebook>-figures.csv`), which gives the verbatim quote each number comes from and who claims it.",
    "This file is generated from the tables' column descriptions.",
    "",
  ];
  for (const run of runs) {
    lines.push(`## ${run.notebook.title}`, "", `Notebook \`${run.file}\`; seed${run.notebook.seeds.length > 1 ? "s" : ""} ${run.notebook.seeds.map((s) => `\`seeds/${s}.txt\``).join(", ")}.`, "");
    for (const t of run.tables) {
      lines.push(`### \`${t.name}.csv\`: ${t.spec.title}`, "", t.spec.description, "", `${t.table.numRows()} row${t.table.numRows() === 1 ? "" : "s"}.`, "", "| column | meaning |", "| --- | --- |");
      for (const [column, meaning] of Object.entries(t.spec.columns)) lines.push(`| \`${column}\` | ${meaning.replace(/\|/g, "\\|")} |`);
      if (t.spec.traces?.length) {
        lines.push("", `Checked on every build: ${t.spec.traces.map((tr) => `\`${tr.value}\` equals the ledger value of the figure in \`${tr.figure}\``).join("; ")}.`);
      }
      lines.push("");
    }
  }
  return lines.join("\n");
}
