// Arquero tables in and out: validation against a table's documented columns,
// provenance of the numbers it carries, and CSV text that is the same bytes
// on every run.

import * as aq from "arquero";
import type { ColumnTable } from "arquero";
import type { Ledger, Problem } from "../ledger/index.ts";
import type { TableSpec } from "./spec.ts";

export type Row = Record<string, unknown>;

/** Past this a scale's domain arithmetic (extent, nice ticks) overflows to Infinity. */
const MAX_MAGNITUDE = 1e300;

export function rows(table: ColumnTable): Row[] {
  return table.objects() as Row[];
}

/** CSV with a header, "\n" line ends and a final newline, so files diff cleanly. */
export function toCsv(table: ColumnTable): string {
  const format = Object.fromEntries(table.columnNames().map((name) => [name, spreadsheetSafe]));
  // Arquero ends the text with a line end already: exactly one, so the file has no empty last row.
  return table.toCSV({ format }).replace(/\n*$/, "\n");
}

/**
 * A text cell that a spreadsheet would run as a formula (=, +, -, @, a tab or
 * a carriage return first), given a leading apostrophe as OWASP's advice on
 * CSV injection says: readers open "Get the data" in Excel. Numbers stay numbers.
 */
export function spreadsheetSafe(value: unknown): unknown {
  return typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * Everything wrong with a built table: columns that differ from its
 * documentation, no rows, numbers that are not finite, and values that do not
 * match the ledger figure they claim to come from.
 */
export function validateTable(file: string, name: string, spec: TableSpec, table: ColumnTable, ledger: Ledger): Problem[] {
  const problems: Problem[] = [];
  const report = (place: string, message: string, fix: string) => problems.push({ file, place: `table ${name}${place}`, message, fix });
  const documented = Object.keys(spec.columns);
  const actual = table.columnNames();
  const missing = documented.filter((c) => !actual.includes(c));
  const extra = actual.filter((c) => !documented.includes(c));
  if (missing.length > 0) report("", `the table lacks the documented column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`, "Build the column, or remove it from the table's columns");
  if (extra.length > 0) report("", `the column${extra.length > 1 ? "s" : ""} ${extra.join(", ")} ${extra.length > 1 ? "are" : "is"} not documented`, "Describe each column (unit and source) in the table's columns");
  if (missing.length === 0 && extra.length === 0 && documented.join() !== actual.join()) {
    report("", `the columns are in the order ${actual.join(", ")}, not as documented`, "Select the columns in the documented order");
  }
  if (table.numRows() === 0) report("", "the table has no rows", "Check the filter that built it; a table must hold at least one observation");
  rows(table).forEach((row, i) => {
    for (const [column, value] of Object.entries(row)) {
      if (typeof value === "number" && !Number.isFinite(value)) {
        report(` row ${i + 1} column ${column}`, `the value is ${value}`, "Find the division or parse that made it; write null for a missing number");
      } else if (typeof value === "number" && Math.abs(value) > MAX_MAGNITUDE) {
        // A scale's arithmetic on it overflows, and Plot drops the mark without a word: a number would vanish from the chart.
        report(` row ${i + 1} column ${column}`, `the value ${value} is too large for a chart's scale to hold (more than 1e300 in size)`, "Check the value: a number read or computed wrongly, or one to give in a larger unit");
      }
    }
    for (const trace of spec.traces ?? []) {
      const id = row[trace.figure];
      const value = row[trace.value];
      if (id === null && value === null) continue;
      if (typeof id !== "string") {
        report(` row ${i + 1} column ${trace.figure}`, "the row names no figure for its number", "Carry the figure id into the table");
        continue;
      }
      let figureValue: number | null;
      try {
        figureValue = ledger.figure(id).value;
      } catch {
        report(` row ${i + 1} column ${trace.figure}`, `"${id}" is not a figure in the ledger`, "Use the id of the figure the number comes from");
        continue;
      }
      if (value !== figureValue) {
        report(` row ${i + 1} column ${trace.value}`, `the value ${String(value)} differs from figure ${id} (${String(figureValue)})`, "Take the number from the ledger, never retype it");
      }
    }
  });
  return problems;
}

/** A table from row objects with the columns in the order given. */
export function fromRows(rowsIn: Row[], columns: string[]): ColumnTable {
  const data: Record<string, unknown[]> = {};
  for (const c of columns) data[c] = rowsIn.map((r) => r[c] ?? null);
  return aq.table(data);
}
