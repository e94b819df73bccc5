// Writes a notebook's tables to data/<table>.csv.

import { join } from "node:path";
import { writeIfChanged, type WriteOutcome } from "./files.ts";
import type { BuiltTable } from "../tables/index.ts";

export interface Written {
  path: string;
  outcome: WriteOutcome;
  rows: number;
}

export function writeTables(root: string, run: { tables: BuiltTable[] }, outDir = "data"): Written[] {
  return run.tables.map((t) => {
    const path = `${outDir}/${t.name}.csv`;
    return { path, outcome: writeIfChanged(join(root, path), t.csv), rows: t.table.numRows() };
  });
}
