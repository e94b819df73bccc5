// Writes a notebook's tables to data/<table>.csv and its charts to charts/.

import { join } from "node:path";
import { writeIfChanged, type WriteOutcome } from "./files.ts";
import type { ChartOutput } from "./build-charts.ts";
import type { NotebookRun } from "./run.ts";

export interface Written {
  path: string;
  outcome: WriteOutcome;
  rows: number;
}

export function writeTables(root: string, run: NotebookRun, outDir = "data"): Written[] {
  return run.tables.map((t) => {
    const path = `${outDir}/${t.name}.csv`;
    return { path, outcome: writeIfChanged(join(root, path), t.csv), rows: t.table.numRows() };
  });
}

export function writeCharts(root: string, charts: ChartOutput[], outDir = "charts"): Written[] {
  const written: Written[] = [];
  for (const chart of charts) {
    for (const [name, svg] of chart.files) {
      const path = `${outDir}/${name}`;
      written.push({ path, outcome: writeIfChanged(join(root, path), svg), rows: 0 });
    }
  }
  return written;
}
