// What a notebook declares for a table (its columns documented, the ledger
// figures its numbers trace to, and how to build it), and a table once built.

import type { ColumnTable } from "arquero";
import type { Ledger } from "../ledger/index.ts";

export interface TableSpec {
  title: string;
  description: string;
  /** Every column, in order, with what it holds: its unit and where it comes from. */
  columns: Record<string, string>;
  /**
   * Numbers traced to the ledger: in every row, the value column must equal
   * the figure named in the figure column. This is what keeps a table from
   * carrying a number that no quote supports.
   */
  traces?: { figure: string; value: string }[];
  build(ledger: Ledger): ColumnTable;
}

/** A table as a notebook run built it: its spec, the Arquero table, and its CSV text. */
export interface BuiltTable {
  name: string;
  spec: TableSpec;
  table: ColumnTable;
  csv: string;
}
